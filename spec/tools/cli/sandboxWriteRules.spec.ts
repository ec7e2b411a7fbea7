import assert from 'node:assert/strict';
import { runCli, startSandboxProcess, type SandboxProcess } from './runCli';

/**
 * Issue 22, newcomer finding 6: a flow that passes against the sandbox must not fail against Intercom for a rule
 * the sandbox skipped. The real command against a running `intercom-component sandbox`, as a person tries a flow.
 * Intercom's answers: an unknown conversation attribute (intercom-node#349), one pending content export
 * (Intercom's rate-limit page), merges of non-duplicates and the last customer (the 2.16 description's examples).
 */
describe('command-line runner: the sandbox refuses what Intercom refuses (built dist)', function () {
  this.timeout(30_000);
  let sandbox: SandboxProcess;
  const run = (args: string[]): ReturnType<typeof runCli> => runCli([...args, '--port', sandbox.port]);
  const json = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

  before(async () => (sandbox = await startSandboxProcess(['--contacts', '5', '--conversations', '3'])));
  after(() => sandbox.stop());

  it('a contact custom attribute the workspace does not have is refused as Intercom does; a known one is kept', async () => {
    const created = await run(['run', 'createContact', '--input', '{"email":"attrs@example.com","custom_attributes":{"plan":"pro"}}']);
    assert.equal(created.code, 0, created.stderr);
    const id = String(json(created.stdout)['id']);
    const unknown = await run(['run', 'updateContact', '--input', JSON.stringify({ contact_id: id, custom_attributes: { unknown_attr: 'x' } })]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Intercom 400 parameter_not_found: Custom attribute 'unknown_attr' does not exist \(request_id [0-9a-f-]{36}\) in updateContact/);
    const wrongType = await run(['run', 'updateContact', '--input', JSON.stringify({ contact_id: id, custom_attributes: { seats: 'many' } })]);
    assert.equal(wrongType.code, 1);
    assert.match(wrongType.stderr, /Intercom 400 parameter_invalid: Custom attribute 'seats' must be an integer/);
    const read = await run(['run', 'getContact', '--input', JSON.stringify({ contact_id: id })]);
    assert.deepEqual((json(read.stdout)['custom_attributes'] as Record<string, unknown>)['unknown_attr'], undefined, 'nothing of the refused update was kept');
  });

  it('once the attribute exists in the workspace, the same write goes through', async () => {
    const attribute = await run(['run', 'createDataAttribute', '--input', '{"name":"unknown_attr","model":"contact","data_type":"string"}']);
    assert.equal(attribute.code, 0, attribute.stderr);
    const created = await run(['run', 'createContact', '--input', '{"email":"attrs2@example.com","custom_attributes":{"unknown_attr":"x"}}']);
    assert.equal(created.code, 0, created.stderr);
    assert.equal((json(created.stdout)['custom_attributes'] as Record<string, unknown>)['unknown_attr'], 'x');
  });

  it("a conversation attribute the workspace does not have is refused with Intercom's message", async () => {
    const list = await run(['run', 'listConversations']);
    const conversation = ((json(list.stdout)['conversations'] as Array<{ id: string }>)[0] ?? { id: '' }).id;
    const result = await run(['run', 'updateConversation', '--input', JSON.stringify({ conversation_id: conversation, custom_attributes: { anything: 'you want' } })]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Intercom 400 parameter_invalid: Conversation attribute 'anything' does not exist/);
    const known = await run(['run', 'updateConversation', '--input', JSON.stringify({ conversation_id: conversation, custom_attributes: { order_number: 'A-1' } })]);
    assert.equal(known.code, 0, known.stderr);
  });

  it('a second content export while one is pending is refused (429, not retried); after a cancel it starts', async () => {
    const input = '{"created_at_after":"2026-01-01T00:00:00Z","created_at_before":"2026-01-02T00:00:00Z"}';
    const first = await run(['run', 'createContentDataExport', '--input', input]);
    assert.equal(first.code, 0, first.stderr);
    const second = await run(['run', 'createContentDataExport', '--input', input]);
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /Intercom 429 rate_limit_exceeded: Exceeded rate limit of 1 pending message data export jobs/);
    assert.equal(second.stderr.match(/POST \/export\/content\/data -> 429/g)?.length, 1, 'asked once: waiting for the window does not help');
    const jobId = String(json(first.stdout)['job_identifier']);
    const canceled = await run(['run', 'cancelContentDataExport', '--input', JSON.stringify({ job_identifier: jobId })]);
    assert.equal(canceled.code, 0, canceled.stderr);
    const third = await run(['run', 'createContentDataExport', '--input', input]);
    assert.equal(third.code, 0, third.stderr);
  });

  it('merging contacts that are not duplicates is refused unless skip_duplicate_validation is set', async () => {
    const lead = json((await run(['run', 'createContact', '--input', '{"role":"lead","email":"lead-a@example.com"}'])).stdout);
    const user = json((await run(['run', 'createContact', '--input', '{"role":"user","email":"user-b@example.com"}'])).stdout);
    const refused = await run(['run', 'mergeContacts', '--input', JSON.stringify({ from: lead['id'], into: user['id'] })]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Intercom 400 invalid_merge: Contacts can only be merged when they are duplicates \(matching email or phone\)/);
    const forced = await run(['run', 'mergeContacts', '--input', JSON.stringify({ from: lead['id'], into: user['id'], skip_duplicate_validation: true })]);
    assert.equal(forced.code, 0, forced.stderr);
  });
});
