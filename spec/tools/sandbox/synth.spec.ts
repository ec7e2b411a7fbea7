import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { startSandbox, synthesize, type SandboxHandle } from '../../../tools/sandbox';
import { client, TOKEN, useSandbox } from './helpers';

/** The generator's platform dialect puts `required: true` on properties; Ajv wants standard arrays. */
function toStandard(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toStandard);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) if (k !== 'required' || Array.isArray(v)) out[k] = k === 'properties' ? v : toStandard(v);
  const props = (schema as Record<string, unknown>)['properties'];
  if (typeof props === 'object' && props !== null) {
    const converted: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [name, p] of Object.entries(props)) {
      if (typeof p === 'object' && p !== null && (p as Record<string, unknown>)['required'] === true) required.push(name);
      converted[name] = toStandard(p);
    }
    out['properties'] = converted;
    if (required.length > 0) out['required'] = required;
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

describe('sandbox: synthesized responses', () => {
  it('synthesize() builds the minimal valid value: required fields, type markers, enums, consts', () => {
    const schema = {
      type: 'object',
      required: ['id', 'count', 'tags', 'state'],
      properties: {
        type: { type: 'string', enum: ['widget'] },
        id: { type: 'string', minLength: 3 },
        count: { type: 'integer', minimum: 2 },
        tags: { type: 'array', minItems: 1, items: { type: 'string', format: 'uri' } },
        state: { oneOf: [{ type: 'null' }, { type: 'string', enum: ['open', 'closed'] }] },
        optional: { type: 'string' },
        nested: { type: 'object', properties: { kind: { const: 'k', required: true } }, required: true },
        self: { $ref: '#' },
      },
    };
    const value = synthesize(schema);
    assert.deepEqual(value, { type: 'widget', id: 'xxx', count: 2, tags: ['https://example.com/'], state: 'open', nested: { kind: 'k' } });
    assert.ok(ajv.validate(toStandard(schema) as object, value), JSON.stringify(ajv.errors));
    assert.deepEqual(synthesize({ allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }, { type: 'object', required: ['b'], properties: { b: { type: 'number' } } }] }), { a: false, b: 0 });
  });

  describe('fallback routes from an operations table', () => {
    let dir: string;
    let sb: SandboxHandle;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sandbox-ops-'));
      mkdtempSync(join(dir, 's'));
      const ops = {
        getWidget: { method: 'GET', path: '/widgets/{widget_id}', response: 'json', pagination: null },
        listWidgets: { method: 'GET', path: '/widgets', response: 'json', pagination: { style: 'page', itemsPath: 'data' } },
        deleteAudience: { method: 'DELETE', path: '/audiences/{id}', response: 'empty', pagination: null },
        createAudience: { method: 'POST', path: '/audiences', response: 'json', pagination: null },
        getMe: { method: 'GET', path: '/me', response: 'json', pagination: null },
      };
      writeFileSync(join(dir, 'operations.json'), JSON.stringify(ops));
      writeFileSync(
        join(dir, 'getWidget.out.json'),
        JSON.stringify({ type: 'object', properties: { type: { type: 'string', enum: ['widget'] }, id: { type: 'string', required: true }, size: { type: 'number', required: true } } }),
      );
      writeFileSync(join(dir, 'listWidgets.out.json'), JSON.stringify({ type: 'object', properties: { type: { type: 'string', enum: ['list'] }, data: { type: 'array', required: true } } }));
      sb = await startSandbox({ operationsFile: join(dir, 'operations.json'), schemasDir: dir });
    });
    after(async () => {
      await sb.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers unmodelled operations from their out-schema, echoing the addressed id', async () => {
      assert.deepEqual([...sb.synthesized].sort(), ['createAudience', 'deleteAudience', 'getWidget', 'listWidgets']);
      const r = await client(sb).call('GET', '/widgets/w-7');
      assert.deepEqual(r.body, { type: 'widget', id: 'w-7', size: 0 });
      assert.deepEqual((await client(sb).call('GET', '/widgets')).body, { type: 'list', data: [] }, 'paginated fallbacks have no next page');
    });

    it('uses the declared success status: 204 for the described DELETEs, 201 for creates', async () => {
      const del = await client(sb).call('DELETE', '/audiences/5');
      assert.equal(del.status, 204);
      assert.equal(del.text, '');
      assert.equal((await client(sb).call('POST', '/audiences', {})).status, 201);
    });

    it('still enforces auth, rate limits and version on fallbacks; hand-written routes win', async () => {
      assert.equal((await client(sb, null).call('GET', '/widgets/1')).status, 401);
      assert.equal((await client(sb).call('GET', '/widgets/1')).headers.get('x-ratelimit-limit'), '1666');
      assert.equal((await client(sb).call('GET', '/me')).body.app.type, 'app');
    });
  });

  const generated = join(__dirname, '..', '..', '..', 'lib', 'generated', 'operations.json');
  (existsSync(generated) ? describe : describe.skip)('every generated operation', () => {
    const { sb } = useSandbox({ operationsFile: generated });

    it('each synthesized JSON answer validates against its out-schema', async () => {
      const ops = JSON.parse(readFileSync(generated, 'utf8')) as Record<string, { method: string; path: string; response: string }>;
      const failures: string[] = [];
      let checked = 0;
      for (const key of sb().synthesized) {
        const op = ops[key]!;
        const path = op.path.replace(/\{[^}]+\}/g, '123');
        const r = await client(sb()).call(op.method, path, op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
        if (r.status >= 300 && !(r.status === 302 && op.response === 'redirect')) failures.push(`${key}: ${r.status}`);
        if (op.response !== 'json') continue;
        const file = join(__dirname, '..', '..', '..', 'schemas', `${key}.out.json`);
        if (!existsSync(file)) continue;
        const schema = toStandard(JSON.parse(readFileSync(file, 'utf8'))) as object;
        checked++;
        if (!ajv.validate(schema, r.body)) failures.push(`${key}: ${ajv.errorsText()}`);
      }
      assert.deepEqual(failures, []);
      assert.ok(checked > 100, `only ${checked} checked`);
    });
  });
});

describe('sandbox: non-JSON operations', () => {
  // Export jobs finish at once here; their lifecycle is covered in exports.spec.ts.
  const { sb, api } = useSandbox({ seed: { conversations: 3 }, exportJobMs: 0 });

  it('content export download: gzipped CSV, only with Accept: application/octet-stream', async () => {
    const job = await api().call('POST', '/export/content/data', { created_at_after: 0, created_at_before: 2_000_000_000 });
    const id = job.body.job_identifier as string;
    const r = await fetch(`${sb().url}/download/content/data/${id}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/octet-stream' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/octet-stream');
    const csv = gunzipSync(Buffer.from(await r.arrayBuffer())).toString('utf8');
    assert.equal(csv.trim().split('\n').length, 4);
    assert.ok(csv.startsWith('conversation_id,'));
    assert.equal((await api().call('GET', `/download/content/data/${id}`)).status, 406);
  });

  it('contentExportRows makes the content export that many rows long (past the stored conversations)', async () => {
    sb().knobs.contentExportRows = 1000;
    try {
      const job = (await api().call('POST', '/export/content/data', { created_at_after: 0, created_at_before: 2_000_000_000 })).body.job_identifier as string;
      const r = await fetch(`${sb().url}/download/content/data/${job}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/octet-stream' } });
      const lines = gunzipSync(Buffer.from(await r.arrayBuffer())).toString('utf8').trim().split('\n');
      assert.equal(lines.length, 1001);
      assert.match(lines[1000] ?? '', new RegExp(`^synthetic-999,.*,"Weekly digest, part 1",receipt-999,\\d+,${job}$`));
    } finally {
      sb().knobs.reset();
    }
  });

  it('reporting download is a CSV, recording a 302 to a signed URL, transcript text/plain, events 202', async () => {
    const job = await api().call('POST', '/export/reporting_data/enqueue', { dataset_id: 'conversation', attribute_ids: ['conversation_id'], start_time: 0, end_time: 2_000_000_000 });
    const csv = await fetch(`${sb().url}/download/reporting_data/${job.body.job_identifier as string}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/octet-stream' } });
    assert.equal(csv.headers.get('content-type'), 'application/octet-stream');
    assert.match(await csv.text(), /^conversation_id,created_at,state\n/);
    const rec = await fetch(`${sb().url}/calls/77/recording`, { headers: { Authorization: `Bearer ${TOKEN}` }, redirect: 'manual' });
    assert.equal(rec.status, 302);
    assert.match(rec.headers.get('location') ?? '', /^https:\/\/recordings\.sandbox\.invalid\/calls\/77\/recording\.mp3\?expires=\d+&signature=[0-9a-f]{64}$/);
    const tr = await fetch(`${sb().url}/calls/77/transcript`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(tr.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(await tr.text(), /call 77/);
    const ev = await api().call('POST', '/events', { event_name: 'ordered', user_id: 'ext-1', created_at: 1 });
    assert.equal(ev.status, 202);
    assert.equal(ev.text, '');
    assert.equal((await api().call('POST', '/events', { user_id: 'ext-1' })).status, 400);
  });
});
