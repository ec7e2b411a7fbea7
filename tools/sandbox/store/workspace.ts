/**
 * All state of one sandboxed Intercom workspace: the lazy collections, the small fully materialized
 * tables (tags, notes, admins, teams, data attributes …), secondary indexes for unique keys, and the
 * single open company scroll.
 */
import type { Clock } from '../clock';
import { hexCodec, numericCodec, type IdCodec } from '../ids';
import { hash32, hex8 } from '../random';
import { LazyCollection } from './lazyCollection';
import type {
  AdminRecord,
  CompanyRecord,
  ContactRecord,
  ConversationRecord,
  ConversationAttributeRecord,
  DataAttributeRecord,
  DeletedConversation,
  MergeHistoryEntry,
  NoteRecord,
  SubscriptionTypeRecord,
  TagRecord,
  TeamRecord,
  TicketRecord,
  TicketStateRecord,
  TicketTypeRecord,
} from './records';
import {
  seedCompany,
  seedContact,
  seedConversation,
  seedTicket,
  seededCompanyKeyIndex,
  seededEmail,
  seededEmailIndex,
  seededExternalIndex,
  type SeedContext,
} from './seedData';
import { defaultConversationAttributes, defaultDataAttributes } from './dataAttributeSeeds';

export interface SeedOptions {
  /** Everything deterministic derives from this key (ids, seeded values, fault draws). */
  key?: string;
  contacts?: number;
  companies?: number;
  conversations?: number;
  tickets?: number;
  admins?: number;
  teams?: number;
  tags?: number;
  /** Unix seconds; seeded records are dated in the 90 days before it. */
  epoch?: number;
  /**
   * What seeded external ids start with, before the record's index. The default "ext-" keeps them at 10 characters or
   * fewer up to a million contacts, like the short numeric user ids of many workspaces; the paging benchmark also runs
   * with a longer one, as V8's JSON.parse treats unique string values of up to 10 characters differently.
   */
  externalIdPrefix?: string;
}

export const DEFAULT_SEED: Required<SeedOptions> = {
  key: 'intercom-sandbox',
  contacts: 20,
  companies: 5,
  conversations: 10,
  tickets: 4,
  admins: 3,
  teams: 2,
  tags: 3,
  epoch: 1_767_225_600, // 2026-01-01T00:00:00Z
  externalIdPrefix: 'ext-',
};

export interface WorkspaceSettings {
  seed: Required<SeedOptions>;
  timeZone: string;
  region: string;
  appId: string;
  appName: string;
}

export interface ScrollState {
  param: string;
  /** Index of the last company served. */
  position: number;
  pagesServed: number;
  lastUsedMs: number;
}

/** One submitted data event, naming its contact the way the request did. */
export interface DataEventRecord {
  event_name: string;
  created_at: number;
  user_id?: string;
  id?: string;
  email?: string;
  metadata?: Record<string, unknown>;
}

export class Workspace {
  readonly settings: WorkspaceSettings;
  readonly contacts: LazyCollection<ContactRecord>;
  readonly companies: LazyCollection<CompanyRecord>;
  readonly conversations: LazyCollection<ConversationRecord>;
  readonly tickets: LazyCollection<TicketRecord>;

  readonly tags = new Map<string, TagRecord>();
  readonly notes = new Map<string, NoteRecord>();
  readonly notesByContact = new Map<string, string[]>();
  readonly notesByCompany = new Map<string, string[]>();
  readonly admins: AdminRecord[] = [];
  readonly teams: TeamRecord[] = [];
  /** Data events as POST /events recorded them, oldest first (GET /events lists them per contact). */
  readonly dataEvents: DataEventRecord[] = [];
  readonly dataAttributes: DataAttributeRecord[];
  readonly conversationAttributes: ConversationAttributeRecord[];
  readonly subscriptionTypes: SubscriptionTypeRecord[];
  readonly ticketTypes: TicketTypeRecord[];
  readonly ticketStates: TicketStateRecord[];
  readonly deletedConversations: DeletedConversation[] = [];
  readonly mergeHistory = new Map<string, MergeHistoryEntry[]>();
  /** Written contacts attached to each company (seeded contacts start without companies). */
  readonly companyContacts = new Map<string, Set<string>>();
  /** Contacts hidden from list and search (merged away or archived). */
  readonly hiddenContacts = new Set<number>();
  scroll: ScrollState | null = null;

  readonly tagCodec: IdCodec;
  readonly noteCodec: IdCodec;
  readonly partCodec: IdCodec;
  readonly seedPartCodec: IdCodec;
  private readonly messageCodec: IdCodec;
  private readonly scrollCodec: IdCodec;
  private tagCount = 0;
  private noteCount = 0;
  private partCount = 0;
  private messageCount = 0;
  private scrollCount = 0;
  private nextDataAttributeId: number;

  private readonly emailIndex = new Map<string, number>();
  private readonly externalIndex = new Map<string, number>();
  private readonly companyKeyIndex = new Map<string, number>();

  constructor(
    settings: WorkspaceSettings,
    readonly clock: Clock,
  ) {
    this.settings = settings;
    const { seed } = settings;
    const k = seed.key;
    const ctx: SeedContext = { key: k, epoch: seed.epoch, externalIdPrefix: seed.externalIdPrefix };
    this.tagCodec = numericCodec(k, 'tag', 7);
    this.noteCodec = numericCodec(k, 'note', 7);
    this.partCodec = numericCodec(k, 'part', 10);
    this.seedPartCodec = numericCodec(k, 'seed-part', 10);
    this.messageCodec = numericCodec(k, 'message', 9);
    this.scrollCodec = hexCodec(k, 'scroll');

    const adminCodec = numericCodec(k, 'admin', 7);
    const teamCodec = numericCodec(k, 'team', 7);
    const teamCount = Math.max(0, seed.teams);
    for (let i = 0; i < Math.max(1, seed.admins); i++) {
      const first = ['Morgan', 'Sam', 'Robin', 'Alex', 'Kim', 'Jules'][i % 6] ?? 'Admin';
      this.admins.push({
        id: adminCodec.encode(i),
        name: `${first} Admin${i === 0 ? '' : ` ${i}`}`,
        email: `admin${i}@example.com`,
        job_title: i === 0 ? 'Support lead' : 'Support agent',
        away_mode_enabled: false,
        away_mode_reassign: false,
        away_status_reason_id: null,
        has_inbox_seat: true,
        team_ids: teamCount > 0 ? [Number(teamCodec.encode(i % teamCount))] : [],
      });
    }
    for (let t = 0; t < teamCount; t++) {
      this.teams.push({
        id: teamCodec.encode(t),
        name: ['Support', 'Sales', 'Billing', 'Onboarding'][t % 4] ?? `Team ${t}`,
        admin_ids: this.admins.filter((a) => a.team_ids.includes(Number(teamCodec.encode(t)))).map((a) => Number(a.id)),
      });
    }
    const tagNames = ['VIP', 'Churn risk', 'Beta'];
    for (let t = 0; t < seed.tags; t++) this.createTag(tagNames[t] ?? `Tag ${t}`);

    this.subscriptionTypes = [
      { id: numericCodec(k, 'subscription', 3).encode(0), name: 'Newsletter', consent_type: 'opt_out', content_types: ['email'] },
      { id: numericCodec(k, 'subscription', 3).encode(1), name: 'Product updates', consent_type: 'opt_in', content_types: ['sms_message'] },
    ];
    const stateCodec = numericCodec(k, 'ticket-state', 4);
    this.ticketStates = [
      { id: stateCodec.encode(0), category: 'submitted', internal_label: 'Submitted', external_label: 'Submitted' },
      { id: stateCodec.encode(1), category: 'in_progress', internal_label: 'In progress', external_label: 'In progress' },
      { id: stateCodec.encode(2), category: 'waiting_on_customer', internal_label: 'Waiting on customer', external_label: 'Waiting on you' },
      { id: stateCodec.encode(3), category: 'resolved', internal_label: 'Resolved', external_label: 'Resolved' },
    ];
    const typeCodec = numericCodec(k, 'ticket-type', 3);
    this.ticketTypes = [
      { id: typeCodec.encode(0), name: 'Bug report', description: 'Something is broken', icon: '🐞', category: 'Customer', created_at: seed.epoch - 200 * 86_400 },
      { id: typeCodec.encode(1), name: 'Follow-up task', description: 'Work for the back office', icon: '📋', category: 'Back-office', created_at: seed.epoch - 200 * 86_400 },
    ];
    this.dataAttributes = defaultDataAttributes(seed.epoch);
    this.conversationAttributes = defaultConversationAttributes(seed.epoch);
    this.nextDataAttributeId = 1 + Math.max(0, ...this.dataAttributes.map((d) => d.id ?? 0), ...this.conversationAttributes.map((a) => a.id));

    const contactCodec = hexCodec(k, 'contact');
    this.contacts = new LazyCollection(contactCodec, seed.contacts, (i) => seedContact(ctx, contactCodec.encode(i), i, seed.contacts));
    const companyCodec = hexCodec(k, 'company');
    this.companies = new LazyCollection(companyCodec, seed.companies, (i) => seedCompany(ctx, companyCodec.encode(i), i, seed.companies));
    const conversationCodec = numericCodec(k, 'conversation', 9);
    const adminIds = this.admins.map((a) => a.id);
    this.conversations = new LazyCollection(conversationCodec, seed.conversations, (i) =>
      seedConversation(ctx, conversationCodec.encode(i), i, seed.conversations, {
        contactId: (c) => this.contacts.get(c)?.id,
        contactEmail: (c) => seededEmail(c),
        contactCount: seed.contacts,
        adminIds,
        partId: (ci, pi) => this.seedPartCodec.encode(ci * 10 + pi),
      }),
    );
    const ticketCodec = numericCodec(k, 'ticket', 6);
    this.tickets = new LazyCollection(ticketCodec, seed.tickets, (i) =>
      seedTicket(ctx, ticketCodec.encode(i), i, seed.tickets, {
        contactId: (c) => this.contacts.get(c)?.id,
        contactCount: seed.contacts,
        ticketTypeIds: this.ticketTypes.map((t) => t.id),
        ticketStateIds: this.ticketStates.map((s) => s.id),
      }),
    );
  }

  nowSeconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  // ---- contacts: unique keys -------------------------------------------------------------

  /** Index of the live contact with this email (case-insensitive), merged-away contacts excluded. */
  contactByEmail(email: string): number | undefined {
    const key = email.toLowerCase();
    const written = this.emailIndex.get(key);
    if (written !== undefined) return this.liveContactWith(written, (c) => c.email?.toLowerCase() === key);
    const seeded = seededEmailIndex(key);
    if (seeded === undefined || seeded >= this.contacts.seedCount || this.contacts.isWritten(seeded)) return undefined;
    return this.liveContactWith(seeded, (c) => c.email?.toLowerCase() === key);
  }

  contactByExternalId(externalId: string, includeMerged = false): number | undefined {
    const written = this.externalIndex.get(externalId);
    const test = (c: ContactRecord): boolean => c.external_id === externalId;
    if (written !== undefined) return this.liveContactWith(written, test, includeMerged);
    const seeded = seededExternalIndex(this.settings.seed.externalIdPrefix, externalId);
    if (seeded === undefined || seeded >= this.contacts.seedCount || this.contacts.isWritten(seeded)) return undefined;
    return this.liveContactWith(seeded, test, includeMerged);
  }

  private liveContactWith(index: number, test: (c: ContactRecord) => boolean, includeMerged = false): number | undefined {
    const c = this.contacts.get(index);
    if (c === undefined || !test(c) || (!includeMerged && c.merged_into !== null)) return undefined;
    return index;
  }

  insertContact(build: (id: string) => ContactRecord): ContactRecord {
    const record = this.contacts.insert((id) => build(id), this.clock.now());
    this.indexContact(this.contacts.end - 1, record);
    return record;
  }

  putContact(index: number, record: ContactRecord): void {
    this.contacts.put(index, record, this.clock.now());
    this.indexContact(index, record);
    if (record.archived || record.merged_into !== null) this.hiddenContacts.add(index);
    else this.hiddenContacts.delete(index);
  }

  removeContact(index: number): void {
    this.contacts.remove(index);
    this.hiddenContacts.delete(index);
  }

  private indexContact(index: number, record: ContactRecord): void {
    if (record.email !== null) this.emailIndex.set(record.email.toLowerCase(), index);
    if (record.external_id !== null) this.externalIndex.set(record.external_id, index);
  }

  /** Contacts GET /contacts and search can see. */
  get listedContactCount(): number {
    return this.contacts.size - this.hiddenContacts.size;
  }

  // ---- companies ---------------------------------------------------------------------------

  companyByCompanyId(companyId: string): number | undefined {
    const written = this.companyKeyIndex.get(companyId);
    if (written !== undefined) return this.companies.get(written)?.company_id === companyId ? written : undefined;
    const seeded = seededCompanyKeyIndex(companyId);
    if (seeded === undefined || seeded >= this.companies.seedCount || this.companies.isWritten(seeded)) return undefined;
    return this.companies.get(seeded) === undefined ? undefined : seeded;
  }

  insertCompany(build: (id: string) => CompanyRecord): CompanyRecord {
    const record = this.companies.insert((id) => build(id), this.clock.now());
    this.companyKeyIndex.set(record.company_id, this.companies.end - 1);
    return record;
  }

  putCompany(index: number, record: CompanyRecord): void {
    this.companies.put(index, record, this.clock.now());
    this.companyKeyIndex.set(record.company_id, index);
  }

  // ---- small tables -------------------------------------------------------------------------

  createTag(name: string): TagRecord {
    const tag = { id: this.tagCodec.encode(this.tagCount++), name };
    this.tags.set(tag.id, tag);
    return tag;
  }

  tagByName(name: string): TagRecord | undefined {
    const key = name.toLowerCase();
    for (const t of this.tags.values()) if (t.name.toLowerCase() === key) return t;
    return undefined;
  }

  createNote(note: Omit<NoteRecord, 'id'>): NoteRecord {
    const record: NoteRecord = { id: this.noteCodec.encode(this.noteCount++), ...note };
    this.notes.set(record.id, record);
    const push = (map: Map<string, string[]>, key: string): void => {
      const list = map.get(key) ?? [];
      list.push(record.id);
      map.set(key, list);
    };
    if (record.contact_id !== null) push(this.notesByContact, record.contact_id);
    if (record.company_id !== null) push(this.notesByCompany, record.company_id);
    return record;
  }

  newPartId(): string {
    return this.partCodec.encode(this.partCount++);
  }

  newMessageId(): string {
    return this.messageCodec.encode(this.messageCount++);
  }

  newScrollParam(): string {
    // Intercom's scroll_param is a uuid; this one is derived from a counter, not the clock.
    const h = this.scrollCodec.encode(this.scrollCount++) + hex8(hash32(`${this.settings.seed.key}|scroll|${this.scrollCount}`));
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  newDataAttributeId(): number {
    return this.nextDataAttributeId++;
  }

  admin(id: string): AdminRecord | undefined {
    return this.admins.find((a) => a.id === id);
  }

  team(id: string): TeamRecord | undefined {
    return this.teams.find((t) => t.id === id);
  }

  /** Materialized record counts, to show memory stays bounded with large seeded datasets. */
  materializedCounts(): Record<string, number> {
    return {
      contacts: this.contacts.materialized,
      companies: this.companies.materialized,
      conversations: this.conversations.materialized,
      tickets: this.tickets.materialized,
      notes: this.notes.size,
      tags: this.tags.size,
    };
  }
}
