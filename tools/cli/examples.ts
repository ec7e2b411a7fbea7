/**
 * Examples written out for the actions whose required inputs alone do not make a request that works: the standard
 * object actions (per object type), and actions whose input needs a particular combination of values.
 * spec/suites/describeExamples.spec.ts runs every example against a fresh sandbox.
 */
import { sampleIds } from './sampleIds';

export interface ExampleStep {
  key: string;
  input: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export interface Example {
  /** Steps to run first, in the same sandbox: they create what the example works on. */
  before: ExampleStep[];
  input: Record<string, unknown>;
  config: Record<string, unknown>;
}

type Input = Record<string, unknown>;

const ids = (): ReturnType<typeof sampleIds> => sampleIds();

const createNote = (): Example['before'][number] => ({ key: 'createContactNote', input: { contact_id: ids().contact.id, body: 'Hello from the example' } });

/** An Intercom id of each object type the sandbox holds (custom object instances and articles are answered from their schema). */
function sampleOf(type: string): { input: Input; before?: Example['before'] } {
  const s = ids();
  switch (type) {
    case 'contacts':
      return { input: { id: s.contact.id } };
    case 'companies':
      return { input: { id: s.company.id } };
    case 'conversations':
      return { input: { id: s.conversation } };
    case 'tickets':
      return { input: { id: s.ticket } };
    case 'articles':
    case 'segments':
      return { input: { id: '1' } };
    case 'admins':
      return { input: { id: s.admin } };
    case 'teams':
      return { input: { id: s.team } };
    case 'tags':
      return { input: { id: s.tag.id } };
    case 'notes':
      return { input: { id: s.firstNote }, before: [createNote()] };
    case 'customObjectInstances':
      return { input: { custom_object_type_identifier: 'Order', id: '1' } };
    default:
      return { input: { id: '1' } };
  }
}

/** Lookup Objects: no terms where the type has an unfiltered list, else one term its filters take. */
function lookupManyExample(type: string): Example {
  const s = ids();
  const config = { objectType: type, termNumber: '0', outputMethod: 'emitAll' };
  const term = (fieldName: string, fieldValue: unknown): Example => ({
    before: [],
    input: { searchTerm1: { fieldName, condition: '=', fieldValue } },
    config: { ...config, termNumber: '1' },
  });
  if (type === 'notes') return { ...term('contact_id', s.contact.id), before: [createNote()] };
  if (type === 'dataEvents') return term('user_id', s.contact.externalId);
  if (type === 'customObjectInstances') return { before: [], input: { custom_object_type_identifier: 'Order' }, config };
  // Intercom has no list of all tickets: tickets are read through a search, so at least one term is needed.
  if (type === 'tickets') return term('open', true);
  return { before: [], input: {}, config };
}

function upsertExample(type: string): Example {
  const s = ids();
  const config = { objectType: type };
  switch (type) {
    case 'contacts':
      return { before: [], input: { email: 'ada@example.com', name: 'Ada Lovelace' }, config };
    case 'companies':
      return { before: [], input: { company_id: 'acme-1', name: 'Acme Ltd' }, config };
    case 'tickets':
      return { before: [], input: { id: s.ticket, open: true }, config };
    case 'customObjectInstances':
      return { before: [], input: { custom_object_type_identifier: 'Order', external_id: 'order-1' }, config };
    default:
      return { before: [], input: {}, config };
  }
}

const OBJECT_ACTIONS: Record<string, (type: string) => Example> = {
  lookupObject: (type) => {
    const sample = sampleOf(type);
    return { before: sample.before ?? [], input: sample.input, config: { objectType: type } };
  },
  lookupObjects: lookupManyExample,
  upsertObject: upsertExample,
  deleteObject: (type) => {
    const sample = sampleOf(type);
    return { before: sample.before ?? [], input: sample.input, config: { objectType: type } };
  },
};

/** The first object type each object action offers, for `describe` without --config. */
export const DEFAULT_OBJECT_TYPE: Readonly<Record<string, string>> = { lookupObject: 'contacts', lookupObjects: 'contacts', upsertObject: 'contacts', deleteObject: 'contacts' };

const only = (input: Input, before: Example['before'] = []): Example => ({ before, input, config: {} });

/** Inputs written out, by action key (functions: the sample ids are read when the example is made). */
const WRITTEN: Readonly<Record<string, () => Example>> = {
  // A new contact: the sandbox's contacts already have the sample emails.
  createContact: () => only({ email: 'ada@example.com', name: 'Ada Lovelace' }),
  upsertContact: () => only({ email: 'ada@example.com', name: 'Ada Lovelace' }),
  upsertPerson: () => only({ firstName: 'Ada', lastName: 'Lovelace', contactData: [{ type: 'email', value: 'ada@example.com' }] }),
  upsertCompany: () => only({ company_id: 'acme-1', name: 'Acme Ltd' }),
  upsertOrganization: () => only({ organizationName: 'Acme Ltd', company_id: 'acme-1' }),
  searchContacts: () => only({ query: { field: 'email', operator: '=', value: ids().contact.email } }),
  searchConversations: () => only({ query: { field: 'state', operator: '=', value: 'open' } }),
  searchTickets: () => only({ query: { field: 'open', operator: '=', value: true } }),
  // Intercom merges only duplicates (the same email or phone) unless told to skip that check.
  mergeContacts: () => only({ from: ids().lead, into: ids().contact.id, skip_duplicate_validation: true }),
  getConversationAttribute: () => only({ id: ids().conversationAttribute }),
  updateConversationAttribute: () => only({ id: ids().conversationAttribute, description: 'A new description' }),
  deleteConversationAttribute: () => only({ id: ids().conversationAttribute }),
  detachContactFromCompany: () =>
    only({ contact_id: ids().contact.id, company_id: ids().company.id }, [{ key: 'attachContactToCompany', input: { contact_id: ids().contact.id, id: ids().company.id } }]),
  untagConversation: () =>
    only({ conversation_id: ids().conversation, tag_id: ids().tag.id, admin_id: ids().admin }, [
      { key: 'tagConversation', input: { conversation_id: ids().conversation, id: ids().tag.id, admin_id: ids().admin } },
    ]),
  untagTicket: () =>
    only({ ticket_id: ids().ticket, tag_id: ids().tag.id, admin_id: ids().admin }, [{ key: 'tagTicket', input: { ticket_id: ids().ticket, id: ids().tag.id, admin_id: ids().admin } }]),
  createConversation: () => only({ from: { type: 'user', id: ids().contact.id }, body: 'Hello from the example' }),
  replyConversation: () => only({ conversation_id: ids().conversation, type: 'admin', message_type: 'comment', admin_id: ids().admin, body: 'Hello from the example' }),
  replyToTicket: () => only({ ticket_id: ids().ticket, type: 'admin', message_type: 'note', admin_id: ids().admin, body: 'Hello from the example' }),
  attachContactToConversation: () => only({ conversation_id: ids().conversation, admin_id: ids().admin, customer: { intercom_user_id: ids().otherContact.id } }),
  // A conversation keeps at least one contact: the example adds a second one and removes that.
  detachContactFromConversation: () =>
    only({ conversation_id: ids().conversation, contact_id: ids().otherContact.id, admin_id: ids().admin }, [
      { key: 'attachContactToConversation', input: { conversation_id: ids().conversation, admin_id: ids().admin, customer: { intercom_user_id: ids().otherContact.id } } },
    ]),
  createDataAttribute: () => only({ name: 'example_plan', model: 'contact', data_type: 'string', description: 'Plan of the contact' }),
  updateDataAttribute: () => only({ data_attribute_id: ids().dataAttribute, description: 'A new description' }),
  listDataEvents: () => only({ filter: { user_id: ids().contact.externalId }, type: 'user' }),
  sendMessage: () => only({ message_type: 'inapp', from: { type: 'admin', id: Number(ids().admin) }, to: { type: 'user', id: ids().contact.id }, body: 'Hello from the example' }),
  addContactSubscription: () => only({ contact_id: ids().contact.id, id: ids().subscriptionType, consent_type: 'opt_in' }),
  createTicket: () => only({ ticket_type_id: ids().ticketType, contacts: [{ id: ids().contact.id }] }),
  enqueueCreateTicket: () => only({ ticket_type_id: ids().ticketType, contacts: [{ id: ids().contact.id }] }),
  assignConversation: () => only({ conversation_id: ids().conversation, assignee_admin_id: ids().admin, admin_id: ids().admin }),
  tagCompanyByName: () => only({ id: ids().company.id, tag_name: 'Enterprise' }),
  rawRequest: () => only({ method: 'GET', path: `/contacts/${ids().contact.id}` }),
  ...exportExamples(),
};

/** Export jobs: the example creates the job first (a fresh sandbox finishes one in about two seconds); the window is the sandbox's seeded quarter. */
function exportExamples(): Record<string, () => Example> {
  const content = (): Example['before'][number] => ({ key: 'createContentDataExport', input: { created_at_after: 1_759_276_800, created_at_before: 1_767_225_600 } });
  const reporting = (): Example['before'][number] => ({
    key: 'enqueueReportingDataExport',
    input: { dataset_id: 'conversation', attribute_ids: ['conversation_id'], start_time: 1_759_276_800, end_time: 1_767_225_600 },
  });
  return {
    getContentDataExport: () => only({ job_identifier: ids().firstContentExport }, [content()]),
    cancelContentDataExport: () => only({ job_identifier: ids().firstContentExport }, [content()]),
    downloadContentDataExport: () => only({ job_identifier: ids().firstContentExport }, [content()]),
    getReportingDataExport: () => only({ job_identifier: ids().firstReportingExport }, [reporting()]),
    downloadReportingDataExport: () => only({ job_identifier: ids().firstReportingExport }, [reporting()]),
  };
}

export function writtenExample(key: string, config: Record<string, unknown>): Example | undefined {
  const object = OBJECT_ACTIONS[key];
  if (object) {
    const type = typeof config['objectType'] === 'string' ? config['objectType'] : (DEFAULT_OBJECT_TYPE[key] ?? 'contacts');
    const example = object(type);
    return { ...example, config: { ...example.config, ...config } };
  }
  return WRITTEN[key]?.();
}
