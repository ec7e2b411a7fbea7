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

  const token = (fn: string, fields: Record<string, unknown> = {}, nodeSettings: Record<string, unknown> = {}): OrchestratorToken => ({
    flowId: topology.flowId,
    stepId: topology.stepId,
    userId: 'oih-user-1',
    function: fn,
    flowExecId: 'oih-exec-1',
    secretId: 'secret-intercom',
    apiKey: 'oih-iam-token',
    // Non-secret credential fields travel in the flow node's fields; the token itself comes from the secret.
    fields: { region: 'auto', baseUrl: sb.url, ...fields },
    nodeSettings: { applicationUid: 'app-intercom', ...nodeSettings },
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

  /** One message through ferryman, whatever it ends in: its data messages, errors and rebounds once the step completed. */
  const runOne = async (data: unknown, meta: Record<string, unknown>, fn: string, fields: Record<string, unknown> = {}, nodeSettings: Record<string, unknown> = {}): Promise<{ output: Array<Record<string, unknown>>; errors: unknown[]; rebounds: number }> => {
    topology.output.clear();
    topology.errors.clear();
    topology.states.clear();
    topology.rebounds.clear();
    topology.publish({ data, metadata: meta }, token(fn, fields, nodeSettings));
    await topology.states.waitFor(1, 30_000);
    await sleep(300);
    return {
      output: topology.output.messages.map((m) => m.value as Record<string, unknown>),
      errors: topology.errors.messages.map((m) => m.value),
      rebounds: topology.rebounds.messages.length,
    };
  };
  /** The requests that change something in Intercom. */
  const writes = (): string[] => sb.requests.entries().filter((e) => e.method !== 'GET' && !(e.method === 'POST' && e.path.endsWith('/search'))).map((e) => `${e.method} ${e.path}`);
  const errorText = (errors: unknown[]): string => errors.map((e) => String((e as { error?: unknown }).error)).join('\n');

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

  describe('governed deletes (OIH delete protocol, ferryman\'s ID linking and governance)', () => {
    it('deletePerson without deleteRequested: nothing is sent to Intercom, the answer is denied with the reason', async () => {
      const id = seededContactId(sb, 3);
      const { output, errors } = await runOne({}, { recordUid: id, applicationUid: 'app-intercom', oihUid: 'oih-keep' }, 'deletePerson', { deletes: true });
      assert.deepEqual(errors, []);
      assert.equal(output.length, 1);
      const answer = output[0]?.['data'] as Record<string, unknown>;
      assert.equal(answer['delete'], 'denied');
      assert.equal(answer['id'], id);
      assert.match(String(answer['reason']), /the message does not request a delete \(data\.deleteRequested is absent/);
      assert.deepEqual(sb.requests.entries(), [], 'Intercom was not called');
      assert.ok(sb.state.contacts.getById(id), 'the contact is still there');
    });

    it('deletePerson with deleteRequested: deleted and confirmed; ferryman\'s governance removes the data hub link', async () => {
      const id = seededContactId(sb, 0);
      platform.setDataHubEntry({ id: 'oih-del', refs: [{ applicationUid: 'app-crm', recordUid: 'crm-1' }, { applicationUid: 'app-intercom', recordUid: id }] });
      const meta = { recordUid: id, applicationUid: 'app-intercom', oihUid: 'oih-del' };
      const { output, errors } = await runOne({ deleteRequested: '1642683883' }, meta, 'deletePerson', { deletes: true }, { governance: true });
      assert.deepEqual(errors, []);
      assert.equal(sb.state.contacts.getById(id), undefined, 'the contact was deleted in the sandbox');
      const answer = output[0]?.['data'] as { id: string; delete: string; timestamp: string };
      assert.deepEqual({ id: answer.id, delete: answer.delete }, { id, delete: 'confirmed' });
      assert.ok(Math.abs(Date.parse(answer.timestamp) - Date.now()) < 60_000, `timestamp ${answer.timestamp}`);
      assert.deepEqual(output[0]?.['metadata'], intercomIdentity(id, 'oih-del'));
      // Ferryman read governance and deletes from the message's passedCfg and removed Intercom's link.
      assert.ok(platform.requests.some((r) => r.method === 'DELETE' && r.path === `/data/oih-del/app-intercom/${id}`), 'ferryman removed the link');
      assert.deepEqual(platform.dataHubEntry('oih-del')?.refs, [{ applicationUid: 'app-crm', recordUid: 'crm-1' }]);
      // Again: an id from an Intercom node of this hub that is gone counts as deleted.
      const again = await runOne({ deleteRequested: true }, meta, 'deletePerson', { deletes: true });
      assert.equal((again.output[0]?.['data'] as { delete: string }).delete, 'confirmed');
      assert.deepEqual(requestsTo(sb, 'DELETE', `/contacts/${id}`).map((r) => r.status), [200, 404]);
    });

    it('a foreign recordUid with no link (ID linking on) is never confirmed, and never registered as Intercom\'s', async () => {
      const meta = { recordUid: 'crm-42', applicationUid: 'app-crm', oihUid: 'oih-nolink' };
      const { output, errors } = await runOne({ deleteRequested: true }, meta, 'deletePerson', { deletes: true }, { idLinking: true });
      assert.deepEqual(errors, []);
      const answer = output[0]?.['data'] as Record<string, unknown>;
      assert.equal(answer['delete'], 'failed');
      assert.equal(answer['requestedId'], 'crm-42');
      assert.equal(answer['id'], undefined);
      assert.deepEqual(sb.requests.entries(), [], 'nothing was sent for an id that is not Intercom\'s');
      // Ferryman looked for a link and found none, and registered no Intercom link for the CRM's id.
      assert.ok(platform.requests.some((r) => r.method === 'GET' && r.path === '/data/oih-nolink'));
      assert.ok(!platform.requests.some((r) => r.method === 'POST' && JSON.stringify(r.body ?? {}).includes('crm-42')));
      // A foreign id of Intercom's form that Intercom does not know: tried, 404, still not confirmed.
      const unknown = 'aaaaaaaaaaaaaaaaaaaaaaaa';
      const tried = await runOne({ deleteRequested: true }, { ...meta, recordUid: unknown }, 'deletePerson', { deletes: true }, { idLinking: true });
      assert.equal((tried.output[0]?.['data'] as Record<string, unknown>)['delete'], 'failed');
      assert.deepEqual(requestsTo(sb, 'DELETE', `/contacts/${unknown}`).map((r) => r.status), [404]);
    });

    it('with a link, ferryman hands in Intercom\'s id for the other application\'s: deleted and confirmed', async () => {
      const id = seededContactId(sb, 4);
      platform.setDataHubEntry({ id: 'oih-linked', refs: [{ applicationUid: 'app-crm', recordUid: 'crm-77' }, { applicationUid: 'app-intercom', recordUid: id }] });
      const { output, errors } = await runOne({ deleteRequested: true }, { recordUid: 'crm-77', applicationUid: 'app-crm', oihUid: 'oih-linked' }, 'deletePerson', { deletes: true }, { idLinking: true });
      assert.deepEqual(errors, []);
      assert.deepEqual({ id: (output[0]?.['data'] as Record<string, unknown>)['id'], delete: (output[0]?.['data'] as Record<string, unknown>)['delete'] }, { id, delete: 'confirmed' });
      assert.equal(sb.state.contacts.getById(id), undefined);
    });

    it('a 503 on the delete ends in a rebound (tried again later), not in a failed answer', async () => {
      const id = seededContactId(sb, 2);
      sb.knobs.failNext(4, 503, { method: 'DELETE', path: `/contacts/${id}` });
      const { output, errors, rebounds } = await runOne({ id, deleteRequested: true }, {}, 'deletePerson', { deletes: true });
      assert.deepEqual(output, [], 'no answer for an outage');
      assert.deepEqual(errors, []);
      assert.equal(rebounds, 1);
      assert.deepEqual(requestsTo(sb, 'DELETE', `/contacts/${id}`).map((r) => r.status), [503, 503, 503, 503]);
      assert.ok(sb.state.contacts.getById(id), 'the contact is still there, for the retry');
    });
  });

  describe('OIH transforms on the envelope {metadata, data}', () => {
    const person = { firstName: 'Grace', lastName: 'Hopper', contactData: [{ type: 'email', value: 'grace@oih.test' }] };

    it('upsertPerson: a custom mapping written over {metadata, data} (as for any OIH connector) maps a Person into a contact', async () => {
      const mapping = '{ "metadata": metadata, "data": { "email": data.contactData[type = "email"][0].value, "name": data.firstName & " " & data.lastName, "external_id": metadata.oihUid } }';
      const { output, errors } = await runOne(person, { oihUid: 'oih-grace' }, 'upsertPerson', { customMapping: mapping });
      assert.deepEqual(errors, [], errorText(errors));
      const created = servedContactByEmail(sb, 'grace@oih.test');
      assert.equal(created['name'], 'Grace Hopper');
      assert.equal(created['external_id'], 'oih-grace');
      assert.deepEqual(output[0]?.['metadata'], intercomIdentity(created['id'], 'oih-grace'));
    });

    it('upsertPerson: a custom mapping that fails at run time fails the step; the sandbox\'s request log shows no write', async () => {
      const { output, errors } = await runOne(person, { oihUid: 'oih-bad' }, 'upsertPerson', { customMapping: '{ "data": { "email": $number(data.firstName) } }' });
      assert.deepEqual(output, []);
      assert.equal(errors.length, 1);
      assert.match(errorText(errors), /Step field \\?"customMapping\\?" failed: Unable to cast value to a number: \\?"Grace\\?" \(JSONata D3030 at position \d+\)/);
      assert.deepEqual(writes(), [], 'no write reached Intercom');
      assert.deepEqual(sb.requests.entries(), []);
    });
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
