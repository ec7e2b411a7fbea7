import { strict as assert } from 'node:assert';
import { Agent } from 'node:http';
import { request } from 'node:http';
import { startSandbox, type SandboxHandle } from '../../../tools/sandbox';
import { TOKEN } from './helpers';

/** A keep-alive GET returning parsed JSON (fetch would dominate the timing of 667 pages). */
function getJson(sb: SandboxHandle, agent: Agent, path: string): Promise<{ status: number; body: { data: Array<{ id: string }>; pages: { next?: { starting_after: string } }; total_count: number } }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sb.url}${path}`, { agent, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox: 100,000 seeded contacts with bounded memory', function () {
  // Only a bound against a hang: 667 pages take a few seconds on a quiet machine and several times that on a busy
  // one (it failed at 30 s under a load average of 20). Speed is the benchmarks' business, not this test's.
  this.timeout(180_000);
  let sb: SandboxHandle;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  before(async () => {
    sb = await startSandbox({ seed: { contacts: 100_000 }, operationsFile: null, knobs: { rateLimitPerWindow: 1_000_000 } });
  });
  after(async () => {
    agent.destroy();
    await sb.close();
  });

  it('pages through all of them by cursor without materializing any', async () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let after: string | undefined;
    let count = 0;
    let last = '';
    let pages = 0;
    do {
      const r = await getJson(sb, agent, `/contacts?per_page=150${after === undefined ? '' : `&starting_after=${after}`}`);
      assert.equal(r.status, 200);
      count += r.body.data.length;
      last = r.body.data.at(-1)?.id ?? last;
      after = r.body.pages.next?.starting_after;
      pages++;
    } while (after !== undefined);
    assert.equal(count, 100_000);
    assert.equal(pages, 667);
    assert.equal(sb.state.contacts.indexOf(last), 99_999);
    assert.equal(sb.state.materializedCounts()['contacts'], 0);
    const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    assert.ok(growthMb < 64, `heap grew by ${growthMb.toFixed(1)} MB`);
  });

  it('a write materializes exactly one record; lookups by id and email stay O(1)', async () => {
    const r = await getJson(sb, agent, '/contacts?per_page=1');
    const target = r.body.data[0]!.id;
    const res = await fetch(`${sb.url}/contacts/${target}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Touched' }),
    });
    assert.equal(res.status, 200);
    assert.equal(sb.state.materializedCounts()['contacts'], 1);
    const dup = await fetch(`${sb.url}/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'contact99998@example.com' }),
    });
    assert.equal(dup.status, 409);
  });
});
