/**
 * Deterministic seeded records, computed from (seed key, index) alone. Nothing here is stored: the
 * lazy collections call these functions whenever an untouched seeded record is read.
 */
import { hash32, unitFrom } from '../random';
import type { CompanyRecord, ContactRecord, ConversationRecord, PartRecord, TicketRecord } from './records';

/** Seeded records are spread over the 90 days before the epoch. */
export const SEED_SPAN_SECONDS = 90 * 86_400;

const FIRST = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Kaori', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya'];
const LAST = ['Abbott', 'Berger', 'Costa', 'Dvorak', 'Eriksen', 'Fischer', 'Gallo', 'Horvat', 'Ito', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak'];
const PLACES: ReadonlyArray<[string, string, string]> = [
  ['Germany', 'Berlin', 'Berlin'],
  ['Ireland', 'Dublin', 'Dublin'],
  ['United States', 'California', 'San Francisco'],
  ['Australia', 'New South Wales', 'Sydney'],
  ['Japan', 'Tokyo', 'Tokyo'],
];
const PLANS = ['free', 'pro', 'team'];
const INDUSTRIES = ['Software', 'Retail', 'Logistics', 'Healthcare', 'Education'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli'];

export interface SeedContext {
  key: string;
  epoch: number;
  externalIdPrefix: string;
}

/** created_at/updated_at of the i-th of n seeded records: ascending with the index, exact seconds. */
export function seedTimes(ctx: SeedContext, kind: string, index: number, count: number): { created: number; updated: number } {
  const spacing = SEED_SPAN_SECONDS / Math.max(1, count);
  const created = ctx.epoch - SEED_SPAN_SECONDS + Math.floor(index * spacing);
  const drift = Math.floor(unitFrom(`${ctx.key}|${kind}|u|${index}`) * Math.min(spacing, 6 * 3600));
  return { created, updated: Math.min(ctx.epoch, created + drift) };
}

export function seededEmail(index: number): string {
  return `contact${index}@example.com`;
}

export function seededEmailIndex(email: string): number | undefined {
  const m = /^contact(\d{1,9})@example\.com$/.exec(email.toLowerCase());
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export function seededExternalId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}

export function seededExternalIndex(prefix: string, externalId: string): number | undefined {
  if (!externalId.startsWith(prefix)) return undefined;
  const m = /^(\d{1,9})$/.exec(externalId.slice(prefix.length));
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export function seededCompanyKey(index: number): string {
  return `company-${index}`;
}

export function seededCompanyKeyIndex(companyId: string): number | undefined {
  const m = /^company-(\d{1,9})$/.exec(companyId);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

function pick<T>(list: readonly T[], n: number): T {
  const v = list[n % list.length];
  if (v === undefined) throw new Error('empty seed list');
  return v;
}

export function seedContact(ctx: SeedContext, id: string, index: number, count: number): ContactRecord {
  const { created, updated } = seedTimes(ctx, 'contact', index, count);
  const lead = index % 5 === 4;
  const h = hash32(`${ctx.key}|contact|${index}`);
  const [country, region, city] = pick(PLACES, h);
  return {
    id,
    role: lead ? 'lead' : 'user',
    external_id: lead ? null : seededExternalId(ctx.externalIdPrefix, index),
    email: seededEmail(index),
    email_verified: null,
    phone: index % 3 === 0 ? `+1555${String(index).padStart(7, '0')}` : null,
    name: `${pick(FIRST, h >>> 3)} ${pick(LAST, h >>> 9)}`,
    avatar: null,
    owner_id: null,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: index % 11 === 0,
    created_at: created,
    updated_at: updated,
    signed_up_at: lead ? null : created,
    last_seen_at: updated,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: 'chrome',
    browser_version: '120.0.0',
    browser_language: 'en',
    os: 'OS X 14',
    location: { country, region, city },
    custom_attributes: { plan: pick(PLANS, index), seats: 1 + (index % 50) },
    tag_ids: [],
    company_ids: [],
    subscriptions: [],
    archived: false,
    blocked: false,
    merged_into: null,
  };
}

export function seedCompany(ctx: SeedContext, id: string, index: number, count: number): CompanyRecord {
  const { created, updated } = seedTimes(ctx, 'company', index, count);
  const h = hash32(`${ctx.key}|company|${index}`);
  return {
    id,
    company_id: seededCompanyKey(index),
    name: `${pick(WORDS, h)} ${index}`,
    plan: pick(PLANS, index),
    size: 5 + (h % 500),
    website: `https://company${index}.example.com`,
    industry: pick(INDUSTRIES, h >>> 5),
    monthly_spend: h % 5000,
    session_count: h % 300,
    remote_created_at: created,
    created_at: created,
    updated_at: updated,
    last_request_at: updated,
    custom_attributes: {},
    tag_ids: [],
  };
}

export interface ConversationSeedRefs {
  contactId(index: number): string | undefined;
  contactEmail(index: number): string;
  contactCount: number;
  adminIds: readonly string[];
  partId(conversationIndex: number, partIndex: number): string;
}

export function seedConversation(ctx: SeedContext, id: string, index: number, count: number, refs: ConversationSeedRefs): ConversationRecord {
  const { created, updated } = seedTimes(ctx, 'conversation', index, count);
  const contactIndex = refs.contactCount > 0 ? (index * 7) % refs.contactCount : -1;
  const contactId = contactIndex >= 0 ? refs.contactId(contactIndex) : undefined;
  const adminId = refs.adminIds.length > 0 ? pick(refs.adminIds, index) : '0';
  const state = pick(['open', 'closed', 'snoozed'] as const, index);
  const author = { type: 'user' as const, id: contactId ?? '0', name: null, email: contactIndex >= 0 ? refs.contactEmail(contactIndex) : '' };
  const reply: PartRecord = {
    id: refs.partId(index, 0),
    part_type: 'comment',
    body: `<p>Thanks for reaching out about request ${index}.</p>`,
    created_at: created + 60,
    updated_at: created + 60,
    notified_at: created + 60,
    assigned_to: null,
    author: { type: 'admin', id: adminId, name: null, email: `admin@example.com` },
    redacted: false,
    state: 'open',
  };
  const parts: PartRecord[] = [reply];
  const lastActivity = Math.max(updated, created + 60);
  if (state === 'closed') {
    parts.push({ ...reply, id: refs.partId(index, 1), part_type: 'close', body: null, created_at: lastActivity, updated_at: lastActivity, notified_at: lastActivity, state: 'closed' });
  }
  return {
    id,
    title: null,
    created_at: created,
    updated_at: lastActivity,
    waiting_since: state === 'open' ? created : null,
    snoozed_until: state === 'snoozed' ? ctx.epoch + 86_400 : null,
    state,
    read: index % 2 === 0,
    priority: index % 4 === 0 ? 'high' : 'none',
    admin_assignee_id: Number(adminId) || 0,
    team_assignee_id: 0,
    tags: [],
    contact_ids: contactId === undefined ? [] : [contactId],
    teammate_ids: [adminId],
    source: {
      id: `${id}0`,
      type: 'conversation',
      delivered_as: 'customer_initiated',
      subject: '',
      body: `<p>I need help with order ${index}</p>`,
      author,
      redacted: false,
    },
    parts,
    custom_attributes: {},
    company_id: null,
  };
}

export interface TicketSeedRefs {
  contactId(index: number): string | undefined;
  contactCount: number;
  ticketTypeIds: readonly string[];
  ticketStateIds: readonly string[];
}

export function seedTicket(ctx: SeedContext, id: string, index: number, count: number, refs: TicketSeedRefs): TicketRecord {
  const { created, updated } = seedTimes(ctx, 'ticket', index, count);
  const contactId = refs.contactCount > 0 ? refs.contactId((index * 3) % refs.contactCount) : undefined;
  const stateId = pick(refs.ticketStateIds, index);
  return {
    id,
    ticket_id: String(index + 1),
    ticket_type_id: pick(refs.ticketTypeIds, index),
    ticket_attributes: { _default_title_: `Seeded ticket ${index}`, _default_description_: `Generated for index ${index}` },
    ticket_state_id: stateId,
    contact_ids: contactId === undefined ? [] : [contactId],
    admin_assignee_id: 0,
    team_assignee_id: 0,
    created_at: created,
    updated_at: updated,
    open: index % 4 !== 3,
    snoozed_until: null,
    is_shared: false,
    parts: [],
    tags: [],
    company_id: null,
    linked_conversation_ids: [],
  };
}
