/**
 * npx tsx scripts/helpTodo.ts [--schema NAME] [--action KEY] [--group RESOURCE] [--limit N]
 *
 * For writers of lib/catalogue/help/: the fields of the generated actions whose help is still generated (no text is
 * written for them), most-seen first. A field is weighed the way the audit samples: each action counts once, split
 * over its fields. Fields of a description schema (a company's `size`) are listed once under the schema, with every
 * action that shows them; path and query inputs and fields of our own are listed per action. Each line shows what the
 * description says (to read, never to copy) and the text the generator makes today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allOperations } from '../lib/catalogue/index';
import { writtenHelp } from '../lib/catalogue/help/index';
import { pagingInputHelp } from '../lib/catalogue/help/shared';
import type { PaginationStyle } from '../lib/catalogue/types';
import { fieldFacts, type FieldFacts } from './generate/facts';
import { loadDescription, type Json } from './generate/description';

const ROOT = join(__dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

interface Entry {
  weight: number;
  places: string[];
  facts: FieldFacts | undefined;
  text: string;
}

function main(): void {
  const spec = loadDescription();
  const onlySchema = option('schema');
  const onlyAction = option('action');
  const onlyGroup = option('group');
  const limit = Number(option('limit') ?? '60');
  const entries = new Map<string, Entry>();
  for (const [key, decl, group] of allOperations()) {
    if (onlyAction && key !== onlyAction) continue;
    if (onlyGroup && group !== onlyGroup) continue;
    const op = spec.operations.get(decl.op);
    if (!op) continue;
    for (const direction of ['in', 'out'] as const) {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${key}.${direction}.json`), 'utf8')) as Json;
      const paths: Array<[string[], Json]> = [];
      for (const [name, prop] of Object.entries((schema['properties'] ?? {}) as Record<string, Json>)) {
        paths.push([[name], prop]);
        const inner = (prop['properties'] ?? (prop['items'] as Json | undefined)?.['properties'] ?? {}) as Record<string, Json>;
        for (const [child, childProp] of Object.entries(inner)) paths.push([[name, child], childProp]);
      }
      const style = (JSON.parse(readFileSync(join(ROOT, 'lib', 'generated', 'operations.json'), 'utf8')) as Record<string, { pagination?: { style: PaginationStyle } | null }>)[key]?.pagination?.style;
      for (const [path, prop] of paths) {
        const facts = fieldFacts(spec, op, direction, path);
        // The same lookups as the help pass (scripts/generate/help.ts): the action's text, the schema field's, the
        // parent schema field's, a shared paging text; fields of our own come with their help.
        const parent = path.length > 1 ? fieldFacts(spec, op, direction, path.slice(0, -1))?.owner : undefined;
        const viaParent = parent ? { schema: parent.schema, path: `${parent.path}.${path[path.length - 1] ?? ''}` } : undefined;
        const shared = direction === 'in' && style ? pagingInputHelp[style][path.join('.')] : undefined;
        if (writtenHelp(key, direction, path, facts?.owner) ?? (viaParent ? writtenHelp(key, direction, path, viaParent) : undefined) ?? shared) continue;
        if (!facts && typeof prop['description'] === 'string') continue;
        const id = facts?.owner ? `record ${facts.owner.schema} ${facts.owner.path}` : `action ${key} ${direction} ${path.join('.')}`;
        if (onlySchema && facts?.owner?.schema !== onlySchema) continue;
        const entry = entries.get(id) ?? { weight: 0, places: [], facts, text: typeof prop['description'] === 'string' ? prop['description'] : '' };
        entry.weight += 1 / paths.length;
        entry.places.push(`${key}.${direction} ${path.join('.')}`);
        entries.set(id, entry);
      }
    }
  }
  const sorted = [...entries.entries()].sort((a, b) => b[1].weight - a[1].weight);
  const lines = [`${entries.size} field kinds without a written text (weight: share of an action's fields, summed)`];
  for (const [id, entry] of sorted.slice(0, limit)) {
    const facts = entry.facts;
    const kind = facts ? [facts.types.join('|'), facts.format, facts.enum ? `enum ${JSON.stringify(facts.enum)}` : undefined].filter(Boolean).join(' ') : 'ours';
    lines.push('', `${id}   [${entry.weight.toFixed(2)}, ${entry.places.length} places: ${entry.places.slice(0, 3).join(', ')}${entry.places.length > 3 ? ' …' : ''}]`);
    lines.push(`  is:    ${kind}`);
    for (const text of facts?.texts ?? []) lines.push(`  says:  ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
    lines.push(`  today: ${entry.text}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
