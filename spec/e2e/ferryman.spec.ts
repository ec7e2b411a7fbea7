import { strict as assert } from 'node:assert';
import { ACCESS_TOKEN, FAST_WAITS_ENV, assertBuilt, assertIntercomHeaders } from './harness/component';
import { FakePlatform } from './harness/fakePlatform';
import { startFerryman } from './harness/ferryman';
import { bodyOf, quietIntercom, requestsTo, seededContactId, servedContact, servedContactByEmail, startIntercom, type SandboxHandle } from './harness/intercom';
import { metric } from './harness/metrics';
import { OihTopology, type OrchestratorToken } from './harness/oihTopology';
import type { RabbitNode } from './harness/rabbit';
import type { RuntimeProcess } from './harness/runtimeProcess';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';
import { sleep } from './harness/wait';

/**
 * The same component files, unchanged, under OIH's ferryman: the function comes from the orchestratorToken,
 * cfg = token fields + the secret from the secret service, input and output are plain JSON `{data, metadata}`.
 */
describe('e2e: the component under OIH ferryman (runGlobal.js)', function () {
  this.timeout(60_000);
  let rabbit: RabbitNode;
  let platform: FakePlatform;
  let sb: SandboxHandle;
  let topology: OihTopology;
  let ferryman: RuntimeProcess;

  const token = (fn: string, fields: Record<string, unknown> = {}): OrchestratorToken => ({
    flowId: topology.flowId,
    stepId: topology.stepId,
    userId: 'oih-user-1',
    function: fn,
    flowExecId: 'oih-exec-1',
    secretId: 'secret-intercom',
    apiKey: 'oih-iam-token',
    // Non-secret credential fields travel in the flow node's fields; the token itself comes from the secret.
    fields: { region: 'auto', baseUrl: sb.url, ...fields },
    nodeSettings: { applicationUid: 'app-intercom' },
    tenant: 'tenant-1',
  });
  // What another application's step hands on: its own record id and application. The component must not echo
  // them, or ferryman's ID linking would register the CRM's id as Intercom's.
  const metadata = { recordUid: 'crm-42', applicationUid: 'app-crm', oihUid: 'oih-7' };
  /** OIH identity of a message about Intercom record `id`: its Intercom id for this node's application. */
  const intercomIdentity = (id: unknown, oihUid?: string): Record<string, unknown> => ({ ...(oihUid ? { oihUid } : {}), recordUid: id, applicationUid: 'app-intercom' });
  /** One message through ferryman; its data messages once the step reported completion. */
  const processOne = async (data: unknown, meta: Record<string, unknown>, fn: string, fields: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> => {
    topology.output.clear();
    topology.errors.clear();
    topology.states.clear();
    topology.publish({ data, metadata: meta }, token(fn, fields));
    await topology.states.waitFor(1, 15_000);
    await sleep(300);
    assert.equal(topology.errors.messages.length, 0, JSON.stringify(topology.errors.messages.map((m) => m.value)));
    return topology.output.messages.map((m) => m.value as Record<string, unknown>);
  };

  before(async () => {
    assertBuilt(COMPONENT_ROOT);
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    sb = await startIntercom();
    // An OIH API-key secret; the component accepts its `key` as the access token.
    platform.setSecret('secret-intercom', { type: 'API_KEY', value: { key: ACCESS_TOKEN, headerName: 'Authorization' } });
    topology = await OihTopology.declare(rabbit.url);
    const started = await startFerryman({
      componentRoot: COMPONENT_ROOT,
      amqpUrl: rabbit.url,
      topology,
      platform,
      extraEnv: FAST_WAITS_ENV,
    });
    ferryman = started.process;
    metric('ferryman_ready_ms', started.readyMs, 'runGlobal.js spawn to "Start listening"');
  });

  after(async () => {
    const exit = await ferryman?.stop();
    await topology?.close();
    await sb?.close();
    await platform?.close();
    if (ferryman) {
      const leaked = [ferryman.text(), topology.allOutputText()].some((t) => t.includes(ACCESS_TOKEN));
      assert.ok(!leaked, 'the access token appears in ferryman output or logs');
      assert.equal(exit?.code, 0, ferryman.tail());
    }
  });

  beforeEach(() => quietIntercom(sb));

  it('createContact: plain JSON in with orchestratorToken, {data, metadata} out on the backchannel', async () => {
    assert.equal(sb.state.contactByEmail('oih@b.co'), undefined, 'the contact does not exist yet');
    const publishedAt = topology.publish({ data: { email: 'oih@b.co' }, metadata }, token('createContact'));
    const [out] = await topology.output.waitFor(1, 15_000);
    metric('ferryman_message_latency_ms', (out?.receivedAt ?? 0) - publishedAt, 'createContact, first message');
    await topology.states.waitFor(1, 5_000);
    await sleep(300);
    const created = servedContactByEmail(sb, 'oih@b.co');
    assert.deepEqual(out?.value?.data, created);
    // recordUid: the new contact's Intercom id (from the sandbox's state); the incoming oihUid kept.
    assert.deepEqual(out?.value?.metadata, intercomIdentity(created['id'], 'oih-7'));
    assert.equal(out?.value?.['body'], undefined, 'no elastic.io envelope under ferryman');
    assert.equal(topology.output.messages.length, 1);
    assert.equal(topology.errors.messages.length, 0);
    assert.equal(await topology.queueDepth(), 0);
    const posts = requestsTo(sb, 'POST', '/contacts');
    assert.equal(posts.length, 1);
    assert.deepEqual(bodyOf(posts[0]), { email: 'oih@b.co' });
    assertIntercomHeaders(sb, posts[0]);
    // ferryman fetched the secret and the snapshot from the (fake) OIH services with the token's apiKey.
    const secretCall = platform.requests.find((r) => r.path === '/secrets/secret-intercom');
    assert.equal(secretCall?.headers['authorization'], 'Bearer oih-iam-token');
    assert.ok(platform.requests.some((r) => r.path === `/snapshots/flows/${topology.flowId}/steps/${topology.stepId}`));
  });

  it('OIH identity: getContact, upsertContact and the contacts trigger emit recordUid = the emitted record\'s Intercom id', async () => {
    const id = seededContactId(sb, 1);
    const [got] = await processOne({ contact_id: id }, metadata, 'getContact');
    assert.deepEqual(got?.['data'], servedContact(sb, id));
    assert.deepEqual(got?.['metadata'], intercomIdentity(id, 'oih-7'));

    const [upserted] = await processOne({ email: 'upsert-oih@b.co', name: 'Up' }, metadata, 'upsertContact');
    const upsertedId = servedContactByEmail(sb, 'upsert-oih@b.co')['id'];
    assert.equal((upserted?.['data'] as { result: string }).result, 'created');
    assert.deepEqual(upserted?.['metadata'], intercomIdentity(upsertedId, 'oih-7'));

    // A schedule tick carrying someone's oihUid: the trigger's records are its own, each with its Intercom id.
    const polled = await processOne({}, { oihUid: 'tick-1' }, 'newOrUpdatedContacts', { startTime: '2000-01-01T00:00:00Z', maxPerRun: '3' });
    assert.equal(polled.length, 3);
    for (const message of polled) {
      const record = message['data'] as { id: string };
      assert.deepEqual(message['metadata'], intercomIdentity(record.id));
      assert.deepEqual(record, servedContact(sb, record.id));
    }
  });

  it('OIH identity: updateContact with only metadata.recordUid updates that contact', async () => {
    const id = seededContactId(sb, 2);
    const [updated] = await processOne({ name: 'Linked by OIH' }, { recordUid: id, oihUid: 'oih-8' }, 'updateContact');
    assert.equal(servedContact(sb, id)['name'], 'Linked by OIH');
    const puts = requestsTo(sb, 'PUT', `/contacts/${id}`);
    assert.equal(puts.length, 1);
    assert.deepEqual(bodyOf(puts[0]), { name: 'Linked by OIH' });
    assert.deepEqual(updated?.['metadata'], intercomIdentity(id, 'oih-8'));
  });

  it('governed delete: deletePerson answers OIH\'s protocol, confirmed, and again confirmed once the contact is gone', async () => {
    const id = seededContactId(sb, 0);
    const [first] = await processOne({}, { recordUid: id, oihUid: 'oih-del' }, 'deletePerson', { deletes: true });
    assert.equal(sb.state.contacts.getById(id), undefined, 'the contact was deleted in the sandbox');
    const answer = first?.['data'] as { id: string; delete: string; timestamp: string };
    assert.deepEqual({ id: answer.id, delete: answer.delete }, { id, delete: 'confirmed' });
    assert.ok(Math.abs(Date.parse(answer.timestamp) - Date.now()) < 60_000, `timestamp ${answer.timestamp}`);
    assert.deepEqual(first?.['metadata'], intercomIdentity(id, 'oih-del'));
    const [again] = await processOne({}, { recordUid: id, oihUid: 'oih-del' }, 'deletePerson', { deletes: true });
    assert.equal((again?.['data'] as { delete: string }).delete, 'confirmed', 'a record already gone counts as deleted');
    assert.deepEqual(requestsTo(sb, 'DELETE', `/contacts/${id}`).map((r) => r.status), [200, 404], 'the second delete found nothing');
  });

  it('getContact 404: one error on the backchannel naming the operation and request_id, no output', async () => {
    assert.equal(sb.state.contacts.getById('nobody'), undefined);
    topology.output.clear();
    topology.errors.clear();
    topology.publish({ data: { contact_id: 'nobody' }, metadata }, token('getContact'));
    const [err] = await topology.errors.waitFor(1, 15_000);
    await sleep(300);
    // Without a crypto password ferryman's error part is plain JSON text.
    const error = JSON.parse(String(err?.value?.error)) as { message: string };
    const request = sb.requests.entries()[0];
    assert.ok(request, 'Intercom was not called');
    assert.equal(sb.requests.total, 1);
    assert.equal(request.status, 404);
    assert.equal(request.path, '/contacts/nobody');
    assertIntercomHeaders(sb, request);
    assert.match(error.message, /getContact/);
    assert.ok(error.message.includes(request.requestId), `the request_id ${request.requestId} is not in: ${error.message}`);
    assert.equal(topology.output.messages.length, 0);
    assert.equal(await topology.queueDepth(), 0);
  });
});
