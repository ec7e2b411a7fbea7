import { strict as assert } from 'node:assert';
import { gunzipSync } from 'node:zlib';
import { ManualClock } from '../../../tools/sandbox';
import { TOKEN, useSandbox } from './helpers';

describe('sandbox: export jobs walk through like Intercom', () => {
  const clock = new ManualClock(Date.UTC(2026, 2, 10, 12, 0, 0));
  const { sb, api } = useSandbox({ clock, seed: { conversations: 6 }, exportJobMs: 10_000 });
  const download = (path: string): Promise<Response> => fetch(`${sb().url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/octet-stream' } });

  it('a content export answers a job id, moves pending → in_progress → completed on the clock, then downloads', async () => {
    const created = await api().call('POST', '/export/content/data', { created_at_after: 0, created_at_before: 2_000_000_000 });
    assert.equal(created.status, 200);
    const id = created.body.job_identifier as string;
    assert.match(id, /^\w+$/);
    assert.deepEqual(created.body, { job_identifier: id, status: 'pending', download_url: '', download_expires_at: '' });

    assert.equal((await download(`/download/content/data/${id}`)).status, 404, 'not downloadable before it completes');
    clock.advance(5_000);
    assert.equal((await api().call('GET', `/export/content/data/${id}`)).body.status, 'in_progress');
    clock.advance(5_000);
    const done = await api().call('GET', `/export/content/data/${id}`);
    assert.equal(done.body.status, 'completed');
    assert.equal(done.body.download_url, `${sb().url}/download/content/data/${id}`);
    assert.match(done.body.download_expires_at as string, /^\d{10}$/);

    const file = await download(`/download/content/data/${id}`);
    assert.equal(file.status, 200);
    const csv = gunzipSync(Buffer.from(await file.arrayBuffer())).toString('utf8');
    assert.ok(csv.startsWith('conversation_id,'));
    assert.ok(csv.includes(`,${id}\n`), 'each row names its job');
  });

  it('a content export needs both ends of its range, the end not before the start', async () => {
    const missing = await api().call('POST', '/export/content/data', { created_at_after: 1 });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.errors[0].field, 'created_at_before');
    const backwards = await api().call('POST', '/export/content/data', { created_at_after: 10, created_at_before: 5 });
    assert.equal(backwards.status, 400);
  });

  it('a canceled job stays canceled and cannot be downloaded; unknown ids answer 404', async () => {
    const id = (await api().call('POST', '/export/content/data', { created_at_after: 0, created_at_before: 1 })).body.job_identifier as string;
    const canceled = await api().call('POST', `/export/cancel/${id}`);
    assert.equal(canceled.body.status, 'canceled');
    clock.advance(60_000);
    assert.equal((await api().call('GET', `/export/content/data/${id}`)).body.status, 'canceled');
    assert.equal((await download(`/download/content/data/${id}`)).status, 404);
    const unknown = await api().call('GET', '/export/content/data/nope');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.errors[0].message, 'Export job not found for identifier: nope');
  });

  it('a reporting export completes as "complete", downloads as CSV, and allows five jobs in flight', async () => {
    const body = { dataset_id: 'conversation', attribute_ids: ['conversation_id'], start_time: 0, end_time: 2_000_000_000 };
    const first = (await api().call('POST', '/export/reporting_data/enqueue', body)).body.job_identifier as string;
    for (let i = 0; i < 4; i++) assert.equal((await api().call('POST', '/export/reporting_data/enqueue', body)).status, 200);
    const sixth = await api().call('POST', '/export/reporting_data/enqueue', body);
    assert.equal(sixth.status, 429);
    assert.match(sixth.body.errors[0].message as string, /5 pending reporting dataset export jobs/);
    clock.advance(10_000);
    assert.equal((await api().call('GET', `/export/reporting_data/${first}`)).body.status, 'complete');
    const file = await download(`/download/reporting_data/${first}`);
    assert.equal(file.status, 200);
    assert.match(await file.text(), /^conversation_id,created_at,state\n/);
    assert.equal((await api().call('POST', '/export/reporting_data/enqueue', body)).status, 200, 'finished jobs no longer count');
  });
});
