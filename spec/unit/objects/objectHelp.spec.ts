/**
 * The facts the standard object actions' own inputs tell the user in their help (lib/objects/help.ts, termModel.ts),
 * as the mapper shows them through getMetaModel: whose id the Intercom ID is and which other id it is not, the actions
 * that give it, whether it takes digits only, what the step does without it, what a unique field matches, what a list
 * filter's value is and which filters cannot be combined. Expected facts are written by hand from Intercom's API (the
 * id inputs that are integers, the list and search operations per type) and the step's rules; the wording around
 * them is left to the help audits.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import deleteObjectModule from '../../../lib/actions/deleteObject';
import lookupObjectModule from '../../../lib/actions/lookupObject';
import lookupObjectsModule from '../../../lib/actions/lookupObjects';
import upsertObjectModule from '../../../lib/actions/upsertObject';
import { FakeStep, offlineRuntime, TEST_BASE_URL, testConfig } from '../../helpers/context';

type Schema = { description?: string; properties?: Record<string, Schema> };
type GetMetaModel = (this: unknown, cfg: unknown) => Promise<{ in: unknown; out: unknown }>;

const metaOf = (module: { getMetaModel?: unknown }): GetMetaModel => module.getMetaModel as GetMetaModel;

async function metadata(module: { getMetaModel?: unknown }, cfg: Record<string, unknown>): Promise<{ in: Schema; out: Schema }> {
  // The workspace's custom attributes are not what these tests are about: none.
  nock(TEST_BASE_URL).get('/data_attributes').query(true).reply(200, { type: 'list', data: [] }).persist();
  const result = await metaOf(module).call(new FakeStep(), testConfig(undefined, cfg));
  nock.cleanAll();
  return { in: result.in as Schema, out: result.out as Schema };
}

async function inputHelp(module: { getMetaModel?: unknown }, objectType: string, input: string): Promise<string> {
  const { in: schema } = await metadata(module, { objectType, termNumber: '2' });
  const help = schema.properties?.[input]?.description;
  assert.equal(typeof help, 'string', `${objectType}: ${input} has help`);
  return help as string;
}

const lookupIdHelp = (objectType: string): Promise<string> => inputHelp(lookupObjectModule, objectType, 'id');
const upsertIdHelp = (objectType: string): Promise<string> => inputHelp(upsertObjectModule, objectType, 'id');
const deleteIdHelp = (objectType: string): Promise<string> => inputHelp(deleteObjectModule, objectType, 'id');

describe('object actions: the facts their Intercom ID input states', () => {
  offlineRuntime();

  it('contacts: the contact\'s id, not its external_id; found by Contacts: Search, Contacts: List or Lookup Objects; any characters', async () => {
    for (const help of [await lookupIdHelp('contacts'), await upsertIdHelp('contacts'), await deleteIdHelp('contacts')]) {
      assert.match(help, /^Intercom’s ID of the contact to /);
      assert.match(help, /its id field, not your own external_id\./);
      assert.match(help, /Find it with Contacts: Search, Contacts: List or Lookup Objects\./);
      assert.doesNotMatch(help, /Digits only/, 'contact ids are strings of hex digits and letters');
    }
  });

  it('lookup: the unique fields it may replace, one at a time, and the step field that allows none', async () => {
    // Contacts: two unique fields; admins: one.
    assert.match(await lookupIdHelp('contacts'), /Give this or one of external_id or email, only one; with none, the step fails unless Allow criteria to be omitted is on\.$/);
    assert.match(await lookupIdHelp('admins'), /Give this or email, not both; with none, the step fails unless Allow criteria to be omitted is on\.$/);
    assert.match(await lookupIdHelp('companies'), /Give this or one of company_id or name, only one;/);
    // Nothing between the sources and the choice for a type whose ids are text.
    assert.match(await lookupIdHelp('contacts'), /or Lookup Objects\. Give this or one of/);
    // Conversations have no unique field: the id alone.
    const conversation = await lookupIdHelp('conversations');
    assert.match(conversation, /or Lookup Objects\. Digits only\. Without it, the step fails unless Allow criteria to be omitted is on\.$/);
    assert.doesNotMatch(conversation, /Give this/);
  });

  it('digits only where Intercom\'s id is a number (conversations, articles, notes, admins), not for text ids (tickets, segments, tags, teams)', async () => {
    for (const type of ['conversations', 'articles', 'notes', 'admins']) assert.match(await lookupIdHelp(type), / Digits only\./, type);
    for (const type of ['tickets', 'segments', 'tags', 'teams', 'customObjectInstances']) assert.doesNotMatch(await lookupIdHelp(type), /Digits only/, type);
    assert.match(await deleteIdHelp('conversations'), / Digits only\. Required\./);
    assert.doesNotMatch(await deleteIdHelp('tickets'), /Digits only/);
  });

  it('the other id each type has: company_id of companies, the ticket number of tickets, external_id of custom object instances, none for conversations', async () => {
    assert.match(await lookupIdHelp('companies'), /^Intercom’s ID of the company to look up: its id field, not your own company_id\./);
    assert.match(await lookupIdHelp('tickets'), /^Intercom’s ID of the ticket to look up: its id field, not the ticket number people see \(its ticket_id\)\./);
    assert.match(await lookupIdHelp('customObjectInstances'), /^Intercom’s ID of the custom object instance to look up: its id field, not your own external_id\./);
    assert.match(await lookupIdHelp('conversations'), /^Intercom’s ID of the conversation to look up: its id field\. Find it/);
    // "Admins (teammates)": the record is an admin.
    assert.match(await lookupIdHelp('admins'), /^Intercom’s ID of the admin to look up: its id field\. Find it with Admins: List or Lookup Objects\./);
  });

  it('where the id comes from: the type\'s list and search actions (two at most), then Lookup Objects; tickets have no list', async () => {
    assert.match(await lookupIdHelp('tickets'), /Find it with Tickets: Search or Lookup Objects\./);
    assert.match(await lookupIdHelp('companies'), /Find it with Companies: List, Companies: Find or Lookup Objects\./);
    assert.match(await lookupIdHelp('notes'), /Find it with Notes: List for contact, Notes: List for company or Lookup Objects\./);
    assert.match(await lookupIdHelp('articles'), /Find it with Articles: List, Articles: Search or Lookup Objects\./);
    assert.match(await lookupIdHelp('customObjectInstances'), /Find it with Custom objects: List instances or Lookup Objects\./);
  });

  it('upsert: what an empty Intercom ID does per type (match by external_id else email, by company_id, or create)', async () => {
    assert.match(await upsertIdHelp('contacts'), /^Intercom’s ID of the contact to update: .* Left empty, the contact with the given external_id \(else email\) is updated, or a new contact is created\.$/);
    assert.match(await upsertIdHelp('companies'), / Left empty, the company with the given company_id is updated, or a new company is created\.$/);
    assert.match(await upsertIdHelp('tickets'), /^Intercom’s ID of the ticket to update: .* Left empty, a new ticket is created\.$/);
  });

  it('delete: required, a record that is not there gives an empty object; a tag in use is refused by Intercom', async () => {
    assert.match(await deleteIdHelp('contacts'), /^Intercom’s ID of the contact to delete: .* Required\. A contact that is not there gives an empty object instead of an error\.$/);
    assert.match(await deleteIdHelp('articles'), / Required\. An article that is not there gives an empty object instead of an error\.$/);
    assert.match(await deleteIdHelp('tags'), / Required\. A tag that is not there gives an empty object instead of an error\. A tag that segments use cannot be deleted: Intercom answers 400 and the step fails\.$/);
  });
});

describe('object actions: unique fields, scope and delete outputs in their help', () => {
  offlineRuntime();

  it('a unique field says what it matches; one found by search or list fails on several matches, one read directly cannot', async () => {
    const { in: contacts } = await metadata(lookupObjectModule, { objectType: 'contacts' });
    // external_id is read with GET /contacts/find_by_external_id: one record or none.
    assert.equal(contacts.properties?.['external_id']?.description, 'Look the contact up by your own ID of it (its external_id), instead of the Intercom ID.');
    assert.match(String(contacts.properties?.['email']?.description), /^Look the contact up by its email address, instead of the Intercom ID\. The step fails when several contact records match\.$/);
    const { in: companies } = await metadata(lookupObjectModule, { objectType: 'companies' });
    assert.match(String(companies.properties?.['company_id']?.description), /^Look the company up by your own ID of it \(its company_id\), .* The step fails when several company records match\.$/);
    assert.match(String(companies.properties?.['name']?.description), /^Look the company up by its name, exactly as stored, /);
  });

  it('custom object instances: the type identifier input says what it is, with an example', async () => {
    const { in: schema } = await metadata(lookupObjectModule, { objectType: 'customObjectInstances' });
    assert.match(String(schema.properties?.['custom_object_type_identifier']?.description), /^Identifier of the custom object type the instances belong to, as set up in Intercom, e\.g\. Order;/);
  });

  it('delete outputs: the id given, missing when nothing was there; Intercom\'s answer named field by field', async () => {
    const { out: contacts } = await metadata(deleteObjectModule, { objectType: 'contacts' });
    assert.equal(contacts.properties?.['id']?.description, 'Intercom’s ID of the contact that was deleted: the id given to the step. Missing when no contact had that id (the output is then empty).');
    // DELETE /contacts/{id} answers {id, external_id, type, deleted}.
    assert.match(String(contacts.properties?.['response']?.description), /^Intercom’s answer to deleting the contact: .*deleted \(true\).* and external_id\.$/);
    // DELETE /tags/{id} answers with no body: the step's own confirmation {id, deleted, status}.
    const { out: tags } = await metadata(deleteObjectModule, { objectType: 'tags' });
    const response = tags.properties?.['response'];
    assert.equal(response?.description, 'Intercom answers a tag delete without a body; the step puts its own confirmation here: id, deleted, status.');
    assert.equal(response?.properties?.['deleted']?.description, 'Always true: Intercom deleted the tag.');
    assert.match(String(response?.properties?.['id']?.description), /^Intercom’s ID of the deleted tag: the id given to the step\.$/);
    assert.equal(response?.properties?.['status']?.description, 'HTTP status of Intercom’s answer.');
    // The confirmation's fields keep their titles (deleteTag's out schema: ID, Deleted, Status).
    assert.deepEqual(['id', 'deleted', 'status'].map((name) => (response?.properties?.[name] as { title?: string } | undefined)?.title), ['ID', 'Deleted', 'Status']);
  });
});

describe('Lookup Objects on list filters: what each filter takes, in its help', () => {
  offlineRuntime();

  const termHelp = async (objectType: string): Promise<{ term: string; field: string; value: string; condition: string }> => {
    const { in: schema } = await metadata(lookupObjectsModule, { objectType, termNumber: '2' });
    const term = schema.properties?.['searchTerm1']?.properties ?? {};
    return { term: String(schema.properties?.['searchTerm1']?.description), field: String(term['fieldName']?.description), value: String(term['fieldValue']?.description), condition: String(term['condition']?.description) };
  };

  it('notes: contact_id and company_id go to different lists (one per lookup); each value is that record\'s Intercom id', async () => {
    const notes = await termHelp('notes');
    assert.match(notes.field, /contact_id or company_id go to different lists: use one of them per lookup\./);
    assert.match(notes.value, /contact_id: Intercom’s ID of the contact whose notes to list/);
    assert.match(notes.value, /company_id: Intercom's ID of the company/);
    assert.match(notes.term, /the step turns them into the filters of Intercom's list of notes\.$/);
  });

  it('companies: tag_id and segment_id filter one list (no "different lists" rule); values say whose id, lowercase after the colon', async () => {
    const companies = await termHelp('companies');
    assert.doesNotMatch(companies.field, /different lists/);
    assert.match(companies.value, /tag_id: only companies with this tag: Intercom’s ID of the tag \(Tags: List\)/);
    assert.match(companies.value, /segment_id: only companies in this segment/);
    assert.match(companies.condition, /For companies: /);
  });

  it('articles: state names its allowed values, help_center_id says it is a whole number, phrase is words to look for', async () => {
    const articles = await termHelp('articles');
    assert.match(articles.value, /phrase: words to look for in the articles’ titles and bodies; /);
    assert.match(articles.value, /state: which articles to search: published, draft or all; /);
    assert.match(articles.value, /help_center_id: only articles of this Help Center: Intercom’s ID of it \(Help Center: List help centers\), a whole number\.$/);
    assert.doesNotMatch(articles.value, /state: [^;]*whole number/);
    assert.doesNotMatch(articles.field, /different lists/);
  });

  it('data events: listed only for one user, found by user_id, intercom_user_id or email', async () => {
    const events = await termHelp('dataEvents');
    assert.match(events.field, /Intercom lists data events only for a term on user_id, intercom_user_id or email/);
    assert.match(events.value, /user_id: your own ID \(external_id\) of the contact; intercom_user_id: Intercom’s ID of the contact/);
  });
});
