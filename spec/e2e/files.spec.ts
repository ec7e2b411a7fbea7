import { strict as assert } from 'node:assert';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { startStorage, type StorageHandle } from '../../tools/storage';
import { ACCESS_TOKEN, FAST_WAITS_ENV, assertBuilt, assertIntercomHeaders, stepConfig } from './harness/component';
import { FakePlatform } from './harness/fakePlatform';
import { bodyOf, callIntercom, quietIntercom, requestsTo, startIntercom, type SandboxHandle } from './harness/intercom';
import { LeakWatch } from './harness/leakWatch';
import type { RabbitNode } from './harness/rabbit';
import { withSailorStep, type SailorStep } from './harness/sailorStep';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';
import { sleep } from './harness/wait';

const QUIET_MS = 400;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('e2e: files between the platform storage and Intercom, under the real sailor', function () {
  this.timeout(60_000);
  let rabbit: RabbitNode;
  let platform: FakePlatform;
  let sb: SandboxHandle;
  let storage: StorageHandle;
  const leaks = new LeakWatch();

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    sb = await startIntercom({ seed: { contacts: 3, conversations: 2 }, exportJobMs: 0 });
    storage = await startStorage();
  });
  after(async () => {
    await storage?.close();
    await sb?.close();
    await platform?.close();
  });
  beforeEach(() => {
    quietIntercom(sb);
    storage.requests.length = 0;
  });

  const step = (functionName: string, body: (s: SailorStep) => Promise<void>, stepFields: Record<string, unknown> = {}, extraEnv: Record<string, string> = {}): Promise<void> =>
    withSailorStep(
      {
        componentRoot: COMPONENT_ROOT,
        amqpUrl: rabbit.url,
        platform,
        functionName,
        config: stepConfig(sb.url, stepFields),
        extraEnv: { ...FAST_WAITS_ENV, ...storage.env, ...extraEnv },
        leakWatch: leaks,
      },
      body,
    );

  const firstConversation = async (): Promise<{ conversationId: string; adminId: string }> => {
    const me = await callIntercom(sb, 'GET', '/me');
    const list = await callIntercom(sb, 'GET', '/conversations?per_page=1');
    const conversationId = (list['conversations'] as Array<{ id: string }>)[0]?.id;
    assert.ok(conversationId, 'the sandbox has a conversation');
    sb.requests.clear();
    return { conversationId, adminId: String(me['id']) };
  };

  it('replyConversation: two attachments of the incoming message become two attachment_files with their exact base64', async () => {
    const { conversationId, adminId } = await firstConversation();
    // Hand-made bytes, one file at a signed URL, one in the object storage (the ?storage_type=maester form).
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0xa7), Buffer.from('\n%%EOF\n')]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]);
    const a = storage.put(pdf, 'application/pdf');
    const b = storage.put(png, 'image/png');
    const attachments = {
      'invoice.pdf': { url: a.signedUrl, size: pdf.length, 'content-type': 'application/pdf' },
      'logo.png': { url: b.objectUrl, size: png.length, 'content-type': 'image/png' },
    };
    await step('replyConversation', async ({ topology }) => {
      topology.publish({ conversation_id: conversationId, type: 'admin', message_type: 'comment', admin_id: adminId, body: 'Your files', attachments: 'all' }, {}, attachments);
      await topology.data.waitFor(1, 20_000);
      await sleep(QUIET_MS);
      assert.deepEqual(topology.counts(), { data: 1, errors: 0, rebounds: 0, snapshots: 0, rejected: 0 });
    });
    const [reply] = requestsTo(sb, 'POST', `/conversations/${conversationId}/reply`);
    assertIntercomHeaders(sb, reply);
    assert.deepEqual((bodyOf(reply) as { attachment_files: unknown }).attachment_files, [
      { name: 'invoice.pdf', content_type: 'application/pdf', data: pdf.toString('base64') },
      { name: 'logo.png', content_type: 'image/png', data: png.toString('base64') },
    ]);
    // What Intercom (the sandbox) decoded and kept on the new part: the same bytes.
    const conversation = sb.state.conversations.getById(conversationId)?.record;
    const part = conversation?.parts.at(-1);
    assert.deepEqual(
      part?.attachments?.map((x) => [x.name, x.filesize, x.sha256]),
      [
        ['invoice.pdf', pdf.length, sha256(pdf)],
        ['logo.png', png.length, sha256(png)],
      ],
    );
    // The signed URL was read without credentials, the object storage with its own token; Intercom's token went to neither.
    assert.deepEqual(storage.requests.map((r) => [r.path.split('/')[1], r.auth]), [['signed', 'none'], ['objects', 'storage-token']]);
  });

  it('replyConversation: an attachment over the size limit is refused before any request, naming the limit', async () => {
    const { conversationId, adminId } = await firstConversation();
    const big = storage.put(Buffer.alloc(4096, 1), 'application/zip');
    await step(
      'replyConversation',
      async ({ topology }) => {
        topology.publish(
          { conversation_id: conversationId, type: 'admin', message_type: 'comment', admin_id: adminId, body: 'Too big', attachments: ['backup.zip'] },
          {},
          { 'backup.zip': { url: big.signedUrl, size: 4096, 'content-type': 'application/zip' } },
        );
        const [err] = await topology.errors.waitFor(1, 20_000);
        await topology.rejected.waitFor(1, 5_000);
        await sleep(QUIET_MS);
        assert.match(err?.value?.error.message ?? '', /field attachments: "backup\.zip" is 4096 bytes, over the limit of 1024 bytes of files per request/);
        assert.deepEqual(topology.counts(), { data: 0, errors: 1, rebounds: 0, snapshots: 0, rejected: 1 });
      },
      {},
      { INTERCOM_MAX_ATTACHMENT_BYTES: '1024' },
    );
    assert.equal(sb.requests.total, 0, 'nothing was sent to Intercom');
    assert.deepEqual(storage.requests, [], 'nothing was read from the storage either');
  });

  it('downloadContentDataExport with "Deliver as: file": one message whose one attachment holds exactly the decompressed CSV', async () => {
    // The expected bytes: the export as the sandbox serves it to any client, gunzipped by the test.
    // A finished export job of the sandbox (exportJobMs 0), as a flow would have created it.
    const created = await fetch(`${sb.url}/export/content/data`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, Accept: 'application/json', 'Content-Type': 'application/json', 'Intercom-Version': INTERCOM_API_VERSION },
      body: JSON.stringify({ created_at_after: 0, created_at_before: 2_000_000_000 }),
    });
    const job = ((await created.json()) as { job_identifier: string }).job_identifier;
    const served = await fetch(`${sb.url}/download/content/data/${job}`, { headers: { Authorization: `Bearer ${ACCESS_TOKEN}`, Accept: 'application/octet-stream', 'Intercom-Version': INTERCOM_API_VERSION } });
    const csv = gunzipSync(Buffer.from(await served.arrayBuffer()));
    assert.ok(csv.length > 100, 'a non-trivial export');
    sb.requests.clear();
    let message: { body?: unknown; attachments?: Record<string, { url: string; size: number; 'content-type': string }> } | undefined;
    await step(
      'downloadContentDataExport',
      async ({ topology }) => {
        topology.publish({ job_identifier: job });
        const [out] = await topology.data.waitFor(1, 20_000);
        await sleep(QUIET_MS);
        message = out?.value;
        assert.deepEqual(topology.counts(), { data: 1, errors: 0, rebounds: 0, snapshots: 0, rejected: 0 });
      },
      { deliverAs: 'file' },
    );
    const [upload] = storage.uploads();
    assert.ok(upload && storage.uploads().length === 1, 'one object was stored');
    assert.equal(upload.sha256, sha256(csv), 'the stored bytes are the decompressed CSV');
    assert.equal(upload.size, csv.length);
    assert.deepEqual(message?.body, { file: { name: `${job}.csv`, size: csv.length, content_type: 'text/csv' } });
    assert.deepEqual(message?.attachments, { [`${job}.csv`]: { url: `${storage.url}/objects/${upload.id}?storage_type=maester`, size: csv.length, 'content-type': 'text/csv' } });
    // The next step reads it back through the object storage: the same bytes.
    const readBack = await fetch(message?.attachments?.[`${job}.csv`]?.url ?? '', { headers: { Authorization: `Bearer ${storage.token}` } });
    assert.equal(sha256(Buffer.from(await readBack.arrayBuffer())), sha256(csv));
    assert.equal(storage.requests.find((r) => r.method === 'POST')?.auth, 'storage-token');
  });

  it('neither the Intercom token nor the storage token appears in any published message or log line', () => {
    assert.ok(leaks.size > 1_000, `too little was collected to make this meaningful (${leaks.size} chars)`);
    assert.deepEqual(leaks.find(ACCESS_TOKEN), []);
    assert.deepEqual(leaks.find(storage.token), []);
  });
});
