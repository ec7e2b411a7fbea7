/**
 * Bad input: for every action of component.json (generated and convenience), at least 20 invalid inputs built
 * from its in-schema — not an object, `__proto__`/`constructor`/`prototype` keys, unknown fields, missing
 * required fields, wrong types, unknown enum values, 1 MB strings, and ids such as `../admins`, `a/b`,
 * `x?y=1`, `%2F`. Each ends in a clear error naming the field with no request sent, or in correctly encoded
 * requests to the action's own endpoint (the sandbox logs the request target exactly as received) — never
 * a different endpoint.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, InputValidationError } from '../../lib/runtime/errors';
import type { OperationEntry } from '../../lib/runtime/operations';
import { startSandbox, type LogEntry, type SandboxHandle } from '../../tools/sandbox';
import { describe as describeError, FAST_RETRIES, loadModule, OBJECT_ACTION_CONFIG, manifest, ROOT, runProcess, tuneRuntime } from './helpers';
import { baseInput, type InSchema, inSchema, type PropertySchema } from './inputs';

const TOKEN = 'tok_bad_input_suite_0123456789';
const MB = 'x'.repeat(1024 * 1024);
const OPERATIONS = JSON.parse(readFileSync(join(ROOT, 'lib', 'generated', 'operations.json'), 'utf8')) as Record<string, OperationEntry>;

interface Case {
  name: string;
  body: unknown;
  /** `reject`: must fail validation naming `field`, before any request. `either`: that, or a correct request. */
  expect: 'reject' | 'either';
  field?: string;
  /** The odd value placed in a field (for the encoding check of requests that were sent). */
  odd?: string;
}

function wrongValue(prop: PropertySchema): unknown {
  switch (prop.type) {
    case 'number':
    case 'integer':
      return 'not a number';
    case 'boolean':
      return 'maybe';
    case 'object':
      return 42;
    case 'array':
      return { not: 'a list' };
    case 'string':
      return { not: 'text' };
    default:
      return undefined;
  }
}

function wrongItem(type: string | undefined): unknown {
  if (type === 'string') return { not: 'text' };
  if (type === 'number' || type === 'integer') return 'not a number';
  if (type === 'object') return 'not an object';
  return undefined;
}

const ODD_IDS = ['../admins', 'a/b', 'x?y=1', '%2F', '..', '.', '#fragment', 'a b/../c', '/'];

function casesFor(key: string, schema: InSchema, entry: OperationEntry | undefined): Case[] {
  const props = schema.properties ?? {};
  const required = Object.entries(props).filter(([, p]) => p.required === true).map(([n]) => n);
  const base = baseInput(key, schema);
  const with_ = (patch: Record<string, unknown>): Record<string, unknown> => ({ ...base, ...patch });
  const cases: Case[] = [
    { name: 'null body', body: null, expect: 'reject', field: 'message body' },
    { name: 'array body', body: [base], expect: 'reject', field: 'message body' },
    { name: 'string body', body: 'contact_id=1', expect: 'reject', field: 'message body' },
    { name: 'number body', body: 42, expect: 'reject', field: 'message body' },
    { name: 'own __proto__ key', body: { ...base, ...(JSON.parse('{"__proto__":{"polluted":true}}') as object) }, expect: 'reject', field: '__proto__' },
    { name: 'constructor key', body: with_({ constructor: { prototype: { polluted: true } } }), expect: 'reject', field: 'constructor' },
    { name: 'prototype key', body: with_({ prototype: { polluted: true } }), expect: 'reject', field: 'prototype' },
    { name: 'nested __proto__', body: with_({ nested: JSON.parse('{"__proto__":{"polluted":true}}') as unknown }), expect: 'reject', field: 'nested.__proto__' },
    { name: 'constructor inside a list', body: with_({ list: [{ constructor: { name: 'x' } }] }), expect: 'reject', field: 'list.0.constructor' },
    { name: 'unknown field', body: with_({ not_an_input: 1 }), expect: 'reject', field: 'not_an_input' },
    { name: 'unknown field named ../admins', body: with_({ '../admins': 'x' }), expect: 'reject', field: '../admins' },
    { name: '1 MB string in an unknown field', body: with_({ huge_unknown: MB }), expect: 'reject', field: 'huge_unknown' },
  ];
  if (required.length > 0) cases.push({ name: 'empty object', body: {}, expect: 'reject', field: required[0]! });
  for (const name of required) {
    const body = Object.fromEntries(Object.entries(base).filter(([n]) => n !== name));
    cases.push({ name: `missing ${name}`, body, expect: 'reject', field: name });
  }
  for (const [name, prop] of Object.entries(props)) {
    const wrong = wrongValue(prop);
    if (wrong !== undefined) cases.push({ name: `${name} of the wrong type`, body: with_({ [name]: wrong }), expect: 'reject', field: name });
    if (prop.enum && prop.enum.length > 0) cases.push({ name: `${name} not one of its values`, body: with_({ [name]: '__not_an_option__' }), expect: 'reject', field: name });
    const item = prop.type === 'array' ? wrongItem(prop.items?.type) : undefined;
    if (item !== undefined) cases.push({ name: `${name} with an item of the wrong type`, body: with_({ [name]: [item] }), expect: 'reject', field: `${name}.0` });
  }

  // Odd ids go where they can do harm: path parameters first, else any text field; with no text field they
  // are unknown fields (rejected).
  const pathParams = entry ? [...entry.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) : [];
  const stringFields = Object.entries(props).filter(([, p]) => p.type === 'string' && !p.enum).map(([n]) => n);
  const target = pathParams[0] ?? (key === 'rawRequest' ? undefined : stringFields[0]);
  for (const odd of [...ODD_IDS, MB]) {
    const label = odd === MB ? '1 MB string' : JSON.stringify(odd);
    if (target) {
      const dotSegment = pathParams.includes(target) && (odd === '.' || odd === '..');
      cases.push({ name: `${target} = ${label}`, body: with_({ [target]: odd }), expect: dotSegment ? 'reject' : 'either', ...(dotSegment ? { field: target } : {}), odd });
    } else if (key === 'rawRequest') {
      cases.push({ name: `path = ${label}`, body: with_({ path: odd }), expect: odd === '/' ? 'either' : 'reject', field: 'path', odd });
    } else {
      cases.push({ name: `unknown field holding ${label}`, body: with_({ odd_field: odd }), expect: 'reject', field: 'odd_field' });
    }
  }
  for (const other of pathParams.slice(1)) cases.push({ name: `${other} = "../admins"`, body: with_({ [other]: '../admins' }), expect: 'either', odd: '../admins' });
  if (key === 'rawRequest') {
    for (const path of ['/contacts/../admins', '/contacts/%2E%2E/admins', '/contacts/a%2Fb', '//evil.example/contacts', 'https://evil.example/contacts', '/contacts?x=1', '/contacts\\..\\admins']) {
      cases.push({ name: `path = ${JSON.stringify(path)}`, body: with_({ path }), expect: 'reject', field: 'path' });
    }
    cases.push({ name: 'path = "/contacts/a%20b"', body: with_({ path: '/contacts/a%20b' }), expect: 'either', odd: 'a%20b' });
  }
  return cases;
}

/** Path part of a request target, as received. */
function pathOf(target: string): string {
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

function fill(template: string, input: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(input[name])));
}

/** Does the request path fit the template with exactly one non-empty, non-dot segment per parameter? */
function fits(template: string, path: string): boolean {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return false;
  return t.every((segment, i) => {
    const actual = p[i]!;
    if (!/^\{[^}]+\}$/.test(segment)) return segment === actual;
    return actual !== '' && actual !== '.' && actual !== '..' && !/%2e%2e/i.test(actual);
  });
}

const TEMPLATES = Object.values(OPERATIONS).map((o) => ({ method: o.method, path: o.path }));

/** Every request a case caused went where the action (or the operations a convenience action uses) is declared. */
function checkRequests(key: string, c: Case, requests: LogEntry[]): void {
  const entry = OPERATIONS[key];
  const body = c.body as Record<string, unknown>;
  for (const r of requests) {
    const path = pathOf(r.target);
    const where = `${key} / ${c.name}: ${r.method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`;
    if (key === 'rawRequest') {
      assert.equal(path, body['path'], `${where}: rawRequest must call exactly the given path`);
      assert.equal(r.method, body['method'] ?? 'GET', where);
    } else if (entry) {
      const isMe = entry.workspaceIdParam !== undefined && r.method === 'GET' && path === '/me';
      assert.ok(isMe || (r.method === entry.method && path === fill(entry.path, body)), `${where}: expected ${entry.method} ${fill(entry.path, body).slice(0, 200)}`);
    } else {
      assert.ok(TEMPLATES.some((t) => t.method === r.method && fits(t.path, path)), `${where}: not an endpoint of any operation`);
    }
    const odd = c.odd;
    if (odd !== undefined && odd.length > 1 && odd !== encodeURIComponent(odd) && key !== 'rawRequest') {
      assert.ok(!r.target.includes(odd), `${where}: the value ${JSON.stringify(odd.slice(0, 20))} was sent unencoded`);
    }
  }
}

describe('bad input: every action, at least 20 invalid inputs each (sandbox)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  let restore: () => void;
  let total = 0;
  let rejected = 0;
  let sent = 0;
  const { actions } = manifest();

  before(async () => {
    restore = tuneRuntime({ ...FAST_RETRIES, timeoutMs: 5_000 });
    // A 1 MB id makes a 1 MB request line; the sandbox accepts it so the test sees where it went.
    sb = await startSandbox({ knobs: { rateLimitPerWindow: 1_000_000_000 }, maxHeaderSize: 4 * 1024 * 1024, requestLogLimit: 10_000 });
  });
  after(async () => {
    restore();
    await sb.close();
    process.stdout.write(`      (${total} invalid inputs over ${Object.keys(actions).length} actions: ${rejected} rejected before any request, ${sent} sent correctly encoded to the action's endpoint)\n`);
  });

  it('covers every action of component.json', () => {
    assert.ok(Object.keys(actions).length >= 240, `${Object.keys(actions).length} actions`);
  });

  for (const key of Object.keys(actions)) {
    it(key, async () => {
      const schema = inSchema(key);
      const { process: run } = loadModule(actions[key]!.main);
      const cases = casesFor(key, schema, OPERATIONS[key]);
      assert.ok(cases.length >= 20, `${cases.length} cases`);
      const cfg = { accessToken: TOKEN, baseUrl: sb.url, adminId: '991', app_id: 'sandbox', ...OBJECT_ACTION_CONFIG[key] };
      for (const c of cases) {
        total++;
        sb.requests.clear();
        const outcome = await runProcess(run, c.body, cfg);
        const requests = sb.requests.entries();
        const error = outcome.error;
        const invalid = error instanceof InputValidationError || error instanceof ConfigurationError;
        if (c.expect === 'reject' || (invalid && requests.length === 0)) {
          assert.ok(error instanceof InputValidationError, `${key} / ${c.name}: expected a validation error, got ${error === undefined ? `${outcome.data} data message(s)` : describeError(error)}`);
          assert.equal(requests.length, 0, `${key} / ${c.name}: ${requests.length} request(s) sent despite the error`);
          assert.ok(error.message.includes(`Invalid input for ${key}`) || error.message.includes('Invalid input for '), `${key} / ${c.name}: ${error.message}`);
          const field = c.field === 'message body' ? 'message body' : `field ${c.field ?? ''}`;
          if (c.field !== undefined) assert.ok(error.message.includes(field), `${key} / ${c.name}: the error does not name ${field}: ${error.message.slice(0, 300)}`);
          else assert.match(error.message, /field \S+/, `${key} / ${c.name}: ${error.message.slice(0, 300)}`);
          assert.ok(error.message.length < 2_000, `${key} / ${c.name}: the error message is ${error.message.length} characters`);
          assert.equal(outcome.data, 0);
          rejected++;
        } else {
          checkRequests(key, c, requests);
          if (requests.length > 0) sent++;
          else rejected++;
        }
        // Nothing reached Object.prototype, whatever the input.
        assert.equal(({} as Record<string, unknown>)['polluted'], undefined, `${key} / ${c.name}: Object.prototype was polluted`);
      }
    });
  }
});
