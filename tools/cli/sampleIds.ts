/**
 * The records a fresh sandbox holds (its default seed), so that `describe` examples name records that exist: the
 * same workspace the runner starts when no token is set, built here without serving it.
 */
import { resolveOptions } from '../sandbox/options';
import { Workspace } from '../sandbox/store/workspace';

export interface SampleIds {
  contact: { id: string; externalId: string; email: string };
  /** A second contact (a second participant). */
  otherContact: { id: string; externalId: string; email: string };
  /** A lead (merges take a lead into a user). */
  lead: string;
  /** The job ids the first content export and the first reporting export created in a fresh sandbox get. */
  firstContentExport: string;
  firstReportingExport: string;
  company: { id: string; companyId: string; name: string };
  conversation: string;
  otherConversation: string;
  /** A part of the first conversation. */
  conversationPart: string;
  ticket: string;
  tag: { id: string; name: string };
  admin: string;
  team: string;
  ticketType: string;
  ticketState: string;
  subscriptionType: string;
  /** The id the first note created in a fresh sandbox gets. */
  firstNote: string;
  dataAttribute: number;
  /** A conversation attribute (Intercom numbers them). */
  conversationAttribute: number;
}

let cached: SampleIds | undefined;

export function sampleIds(): SampleIds {
  if (cached) return cached;
  const options = resolveOptions({});
  const ws = new Workspace({ seed: options.seed, timeZone: options.timezone, region: options.region, appId: options.appId, appName: options.appName }, options.clock);
  const contact = (index: number): SampleIds['contact'] => {
    const record = ws.contacts.get(index);
    if (!record) throw new Error(`the sandbox seeds no contact ${index}`);
    return { id: record.id, externalId: record.external_id ?? '', email: record.email ?? '' };
  };
  // Leads have no external id: the examples name users.
  const users = Array.from({ length: options.seed.contacts }, (_, i) => i).filter((i) => ws.contacts.get(i)?.role === 'user' && ws.contacts.get(i)?.external_id);
  const lead = Array.from({ length: options.seed.contacts }, (_, i) => ws.contacts.get(i)).find((c) => c?.role === 'lead');
  const company = ws.companies.get(0);
  const conversation = ws.conversations.get(0);
  const ticket = ws.tickets.get(0);
  const tag = [...ws.tags.values()][0];
  const dataAttribute = ws.dataAttributes.find((d) => d.id !== null);
  const conversationAttribute = ws.conversationAttributes.find((a) => !a.archived);
  if (!company || !conversation || !ticket || !tag || !dataAttribute || !conversationAttribute || !lead || users.length < 2) throw new Error('the sandbox seed lacks a record the examples need');
  cached = {
    contact: contact(users[0] ?? 0),
    otherContact: contact(users[1] ?? 1),
    lead: lead.id,
    // The sandbox numbers export jobs per kind from 1 (tools/sandbox/resources/exports.ts).
    firstContentExport: `cx${'1'.padStart(6, '0')}${options.appId}`,
    firstReportingExport: `rx${'1'.padStart(6, '0')}${options.appId}`,
    company: { id: company.id, companyId: company.company_id, name: company.name },
    conversation: conversation.id,
    otherConversation: ws.conversations.get(1)?.id ?? conversation.id,
    conversationPart: conversation.parts[0]?.id ?? '',
    ticket: ticket.id,
    tag: { id: tag.id, name: tag.name },
    admin: ws.admins[0]?.id ?? '',
    team: ws.teams[0]?.id ?? '',
    ticketType: ws.ticketTypes[0]?.id ?? '',
    ticketState: ws.ticketStates[0]?.id ?? '',
    subscriptionType: ws.subscriptionTypes[0]?.id ?? '',
    firstNote: ws.noteCodec.encode(0),
    dataAttribute: dataAttribute.id ?? 0,
    conversationAttribute: conversationAttribute.id,
  };
  return cached;
}
