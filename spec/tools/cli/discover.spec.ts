import assert from 'node:assert/strict';
import { runCli } from './runCli';

/** `describe` and `actions`: what a person reads before running anything (the real command). */
describe('command-line runner: discovering actions (built dist)', function () {
  this.timeout(20_000);

  it('describe shows inputs with type, required and allowed values, step fields, risk, paging and an example', async () => {
    const result = await runCli(['describe', 'listContacts']);
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /^listContacts \(action\): Contacts: List$/m);
    assert.match(out, /^Risk: read {4}Calls: GET \/contacts$/m);
    assert.match(out, /^Paging: Pages Intercom's cursor style; items at "data"/m);
    assert.match(out, /^ {2}starting_after {2}string, optional/m);
    assert.match(out, /^Step fields \(--config\):$/m);
    assert.match(out, /^ {2}fetch {2}Pages to fetch$/m);
    assert.match(out, /^ {6}one of "page" \(One page, with its paging information\), "all" \(All pages\)$/m);
    assert.match(out, /^ {2}intercom-component run listContacts --input '\{.*\}'$/m);
  });

  it('a command that reads no input exits as usual when given a large input it never reads (the runner survives the broken pipe)', async () => {
    // 1 MiB is more than a pipe buffers: the command exits with most of it unwritten, and the write fails (EPIPE).
    const result = await runCli(['describe', 'listContacts'], {}, 'x'.repeat(1024 * 1024));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^listContacts \(action\): Contacts: List$/m);
  });

  it('describe of an action with required inputs puts them in the example, and the example runs and fetches a seeded record', async () => {
    const result = await runCli(['describe', 'getContact']);
    assert.match(result.stdout, /^ {2}contact_id {2}string, required/m);
    const example = /^ {2}intercom-component run getContact --input '(.*)'$/m.exec(result.stdout);
    assert.ok(example?.[1], result.stdout);
    const input = JSON.parse(example[1]) as { contact_id: string };
    assert.deepEqual(Object.keys(input), ['contact_id']);
    const ran = await runCli(['run', 'getContact', '--input', example[1]]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal((JSON.parse(ran.stdout.trim()) as { id?: string }).id, input.contact_id, 'the example names a contact the fresh sandbox holds');
  });

  it('the Paging line says what each kind of function emits', async () => {
    const paging = async (key: string): Promise<string> => /^Paging: (.*)$/m.exec((await runCli(['describe', key])).stdout)?.[1] ?? '';
    assert.match(await paging('getContact'), /^One request, one message\.$/);
    assert.match(await paging('downloadContentDataExport'), /one message per CSV row/);
    assert.match(await paging('getCallRecording'), /signed address/);
    assert.match(await paging('lookupObjects'), /one message per page \(Emit page\) or one message per record \(Emit individually\)/);
    assert.match(await paging('rawRequest'), /when the path is a list/);
    assert.match(await paging('listTags'), /^Not paged: one request answers the whole list; items at "data"/);
    assert.match(await paging('webhookEvents'), /^One message per notification Intercom delivers/);
    assert.match(await paging('newOrUpdatedContacts'), /^Runs on the flow schedule/);
  });

  it("describe of a standard object action takes --config objectType and shows that type's inputs and example", async () => {
    const tickets = await runCli(['describe', 'lookupObject', '--config', '{"objectType":"tickets"}']);
    assert.equal(tickets.code, 0, tickets.stderr);
    assert.match(tickets.stdout, /^Inputs \(--input\) for object type tickets;/m);
    assert.match(tickets.stdout, /Intercom’s ID of the ticket to look up/);
    assert.doesNotMatch(tickets.stdout, /^ {2}external_id /m, 'a contact-only field is not a ticket input');
    assert.match(tickets.stdout, /^ {2}intercom-component run lookupObject --config '\{"objectType":"tickets"\}' --input '\{"id":"\d+"\}'$/m);
    const contacts = await runCli(['describe', 'lookupObject', '--config', '{"objectType":"contacts"}']);
    assert.match(contacts.stdout, /^ {2}external_id {2}string, optional/m);
  });

  it('describe of a trigger shows its step fields, its dropdowns and how to poll it', async () => {
    const result = await runCli(['describe', 'newOrUpdatedContacts']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^newOrUpdatedContacts \(trigger, polling\): Contacts: New or updated \(polling\)$/m);
    assert.match(result.stdout, /^ {2}tagId {2}Tagged with \(optional\)$/m);
    assert.match(result.stdout, /^ {6}dropdown from the workspace \(selectTags\)$/m);
    assert.match(result.stdout, /^ {2}intercom-component poll newOrUpdatedContacts$/m);
  });

  it('actions shows the risk and filters by a word or a resource', async () => {
    const word = await runCli(['actions', 'tag']);
    const lines = word.stdout.trim().split('\n');
    assert.ok(lines.length > 5);
    for (const line of lines) assert.match(line.toLowerCase(), /tag/);
    const resource = await runCli(['actions', '--resource', 'teams']);
    assert.deepEqual(
      resource.stdout.trim().split('\n').map((l) => l.split(/ +/).slice(0, 3).join(' ')),
      ['listTeams action read', 'getTeam action read', 'getTeamMetrics action read'],
    );
  });

  it('an unknown resource lists the resources; an unknown key for describe is named', async () => {
    const resource = await runCli(['actions', '--resource', 'Tikcets']);
    assert.equal(resource.code, 2);
    assert.match(resource.stderr, /unknown resource "Tikcets"; resources: .*\bTickets\b/);
    const key = await runCli(['describe', 'lisContacts']);
    assert.equal(key.code, 2);
    assert.match(key.stderr, /^error: unknown action or trigger "lisContacts"/m);
  });
});
