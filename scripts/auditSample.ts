/**
 * npx tsx scripts/auditSample.ts [--seed N] [--inputs N] [--outputs N] [--json]
 * npx tsx scripts/auditSample.ts --group Contacts | --actions createContact,lookupObject [--json]
 *
 * Draws a reproducible random sample of mapper fields, the way the help audit did: a function (action or trigger)
 * drawn evenly, then one of its fields (top level or one level down) drawn evenly, until the sample has the asked
 * number of inputs and outputs. Per field it prints what the mapper shows (title and help) beside what Intercom's
 * description says about that field (type, format, allowed values, limits, default, deprecation and its text), so a
 * judge can classify each: correct and specific, vague, wrong, or missing a fact needed to avoid an error.
 * The standard object actions are sampled per object type (their metadata as the flow designer gets it).
 * With --group (a resource group of docs/actions.md, e.g. Contacts or "Help Center") or --actions (keys; an object
 * action names all its types, or one as lookupObject[tickets]) it prints every field of those functions instead, for
 * a writer going through one resource.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { allOperations } from '../lib/catalogue/index';
import { handWritten } from '../lib/catalogue/handWritten';
import { objectTypeChoices, type ObjectVerb } from '../lib/catalogue/objectTypes';
import { objectMetaModel } from '../lib/objects/metaModel';
import type { OperationDecl } from '../lib/catalogue/types';
import { fieldFacts, type FieldFacts } from './generate/facts';
import { loadDescription, type Json } from './generate/description';

const ROOT = join(__dirname, '..');

interface Field {
  fn: string;
  direction: 'in' | 'out';
  path: string[];
  schema: Json;
  /** The operation whose description stands behind the field, and the path there. */
  source?: { op: string; direction: 'in' | 'out'; path: string[] };
}

interface Fn {
  key: string;
  inputs: Field[];
  outputs: Field[];
}

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value)) throw new Error(`--${name} takes a whole number`);
  return value;
}

/** mulberry32: small, seedable, good enough to draw a sample. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readSchema(key: string, direction: 'in' | 'out'): Json | undefined {
  const file = join(ROOT, 'schemas', `${key}.${direction}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : undefined;
}

/** The fields of a schema: top level and one level down (object properties, or the properties of array items). */
function fieldsOf(fn: string, direction: 'in' | 'out', schema: Json | undefined, source?: (path: string[]) => Field['source']): Field[] {
  const out: Field[] = [];
  for (const [name, prop] of Object.entries((schema?.['properties'] ?? {}) as Record<string, Json>)) {
    const at = (path: string[], s: Json): Field => {
      const src = source?.(path);
      return { fn, direction, path, schema: s, ...(src ? { source: src } : {}) };
    };
    out.push(at([name], prop));
    const inner = (prop['properties'] ?? (prop['items'] as Json | undefined)?.['properties'] ?? {}) as Record<string, Json>;
    for (const [child, childSchema] of Object.entries(inner)) out.push(at([name, child], childSchema));
  }
  return out;
}

const generated = new Map<string, OperationDecl>(allOperations().map(([key, decl]) => [key, decl]));
const groups = new Map<string, string>(allOperations().map(([key, , group]) => [key, group]));

/** Curated outputs that are a generated operation's answer point there for their facts. */
function curatedSource(key: string, direction: 'in' | 'out'): ((path: string[]) => Field['source']) | undefined {
  const decl = handWritten[key];
  if (!decl) return undefined;
  if (direction === 'out' && 'sameAs' in decl.out && typeof decl.out.sameAs === 'string') {
    const op = decl.out.sameAs;
    return (path) => ({ op, direction: 'out', path });
  }
  const union = direction === 'in' && decl.in && 'unionOf' in decl.in ? (decl.in.unionOf as string[]) : undefined;
  if (union) {
    return (path) => {
      const op = union.find((k) => ((readSchema(k, 'in')?.['properties'] ?? {}) as Json)[path[0] ?? ''] !== undefined);
      return op ? { op, direction: 'in', path } : undefined;
    };
  }
  return undefined;
}

const VERBS: Record<string, ObjectVerb> = { lookupObject: 'lookup', lookupObjects: 'lookupMany', upsertObject: 'upsert', deleteObject: 'delete' };

async function functions(): Promise<Fn[]> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as { actions: Json; triggers?: Json };
  const keys = [...Object.keys(manifest.triggers ?? {}), ...Object.keys(manifest.actions)];
  const fns: Fn[] = [];
  for (const key of keys) {
    const verb = VERBS[key];
    if (verb) {
      // One function per object type: what the designer shows after the type is chosen.
      for (const type of Object.keys(objectTypeChoices(verb))) {
        const cfg = { objectType: type, termNumber: '2', outputMethod: 'emitIndividually' };
        const meta = await objectMetaModel(key, verb).call({ logger: silent }, cfg);
        fns.push({ key: `${key}[${type}]`, inputs: fieldsOf(`${key}[${type}]`, 'in', meta.in), outputs: fieldsOf(`${key}[${type}]`, 'out', meta.out) });
      }
      continue;
    }
    const sourceIn = generated.has(key) ? (path: string[]) => ({ op: key, direction: 'in' as const, path }) : curatedSource(key, 'in');
    const sourceOut = generated.has(key) ? (path: string[]) => ({ op: key, direction: 'out' as const, path }) : curatedSource(key, 'out');
    fns.push({ key, inputs: fieldsOf(key, 'in', readSchema(key, 'in'), sourceIn), outputs: fieldsOf(key, 'out', readSchema(key, 'out'), sourceOut) });
  }
  return fns;
}

function textArg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The functions --group or --actions name, or undefined for a random sample. */
function chosenFunctions(fns: Fn[]): Fn[] | undefined {
  const group = textArg('group');
  const actions = textArg('actions')?.split(',').map((k) => k.trim()).filter((k) => k !== '');
  if (group === undefined && actions === undefined) return undefined;
  const groupOf = (key: string): string | undefined => {
    const base = key.replace(/\[.*\]$/, '');
    return groups.get(base) ?? handWritten[base]?.title.split(':')[0];
  };
  const picked = fns.filter((fn) => (group !== undefined && groupOf(fn.key) === group) || (actions ?? []).some((a) => fn.key === a || fn.key.startsWith(`${a}[`)));
  if (picked.length === 0) throw new Error(`no function matches ${group !== undefined ? `--group ${group}` : `--actions ${(actions ?? []).join(',')}`}`);
  return picked;
}

const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined, trace: () => undefined, child: () => silent };

function draw(fns: Fn[], direction: 'in' | 'out', count: number, next: () => number): Field[] {
  const pool = fns.filter((fn) => (direction === 'in' ? fn.inputs : fn.outputs).length > 0);
  const picked: Field[] = [];
  const seen = new Set<string>();
  for (let tries = 0; picked.length < count && tries < count * 50; tries++) {
    const fn = pool[Math.floor(next() * pool.length)];
    if (!fn) break;
    const fields = direction === 'in' ? fn.inputs : fn.outputs;
    const field = fields[Math.floor(next() * fields.length)];
    if (!field) continue;
    const id = `${field.fn} ${direction} ${field.path.join('.')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    picked.push(field);
  }
  return picked;
}

function help(schema: Json): string {
  const description = schema['description'];
  if (typeof description === 'string') return description;
  const legacy = (schema['help'] as Json | undefined)?.['description'];
  return typeof legacy === 'string' ? legacy : '';
}

function shown(schema: Json): string {
  const keep = ['type', 'format', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'minItems', 'maxItems', 'pattern', 'required'];
  const parts = keep.filter((k) => schema[k] !== undefined).map((k) => `${k}=${JSON.stringify(schema[k])}`);
  const items = schema['items'] as Json | undefined;
  if (items?.['type']) parts.push(`items.type=${JSON.stringify(items['type'])}`);
  return parts.join(' ');
}

function factLine(facts: FieldFacts | undefined): string {
  if (!facts) return '(not in the description: a field of our own)';
  const parts = [facts.location, `type=${facts.types.join('|') || '?'}`];
  if (facts.format) parts.push(`format=${facts.format}`);
  if (facts.enum) parts.push(`enum=${JSON.stringify(facts.enum)}`);
  for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern'] as const) if (facts[k] !== undefined) parts.push(`${k}=${String(facts[k])}`);
  if (facts.default !== undefined) parts.push(`default=${JSON.stringify(facts.default)}`);
  if (facts.deprecated) parts.push('deprecated');
  if (facts.nullable) parts.push('nullable');
  if (facts.itemTypes) parts.push(`items=${facts.itemTypes.join('|')}${facts.itemEnum ? ` ${JSON.stringify(facts.itemEnum)}` : ''}`);
  if (facts.owner) parts.push(`in schema ${facts.owner.schema}#${facts.owner.path}`);
  if (facts.schema) parts.push(`is ${facts.schema}`);
  if (facts.example !== undefined) parts.push(`example=${JSON.stringify(facts.example).slice(0, 60)}`);
  return parts.join(' ');
}

async function main(): Promise<void> {
  const seed = arg('seed', 1);
  const spec = loadDescription();
  const fns = await functions();
  const next = random(seed);
  const chosen = chosenFunctions(fns);
  const sample = chosen
    ? chosen.flatMap((fn) => [...fn.inputs, ...fn.outputs])
    : [...draw(fns, 'in', arg('inputs', 100), next), ...draw(fns, 'out', arg('outputs', 100), next)];
  const rows = sample.map((field, index) => {
    const source = field.source;
    const decl = source ? generated.get(source.op) : undefined;
    const specOp = decl ? spec.operations.get(decl.op) : undefined;
    const facts = source && specOp ? fieldFacts(spec, specOp, source.direction, source.path) : undefined;
    return { n: index + 1, fn: field.fn, direction: field.direction, path: field.path.join('.'), title: field.schema['title'], help: help(field.schema), mapper: shown(field.schema), facts, op: decl?.op };
  });
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ seed, rows }, null, 2)}\n`);
    return;
  }
  const lines = [`Sample seed ${seed}: ${rows.filter((r) => r.direction === 'in').length} inputs, ${rows.filter((r) => r.direction === 'out').length} outputs, from ${fns.length} functions`];
  for (const row of rows) {
    lines.push('', `#${row.n} ${row.fn} ${row.direction} ${row.path}${row.op ? `   (${row.op})` : ''}`);
    lines.push(`  title: ${String(row.title)}`, `  help:  ${row.help}`, `  shows: ${row.mapper}`, `  facts: ${factLine(row.facts)}`);
    for (const text of row.facts?.texts ?? []) lines.push(`  says:  ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`auditSample: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
