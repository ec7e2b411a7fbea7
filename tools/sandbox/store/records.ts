/**
 * The sandbox's internal records. They hold what Intercom stores; resources/*.ts render them into
 * the description's response shapes (adding derived lists, urls and type markers).
 */

export interface ContactRecord {
  id: string;
  role: 'user' | 'lead';
  external_id: string | null;
  email: string | null;
  email_verified: boolean | null;
  phone: string | null;
  name: string | null;
  avatar: string | null;
  owner_id: string | null;
  has_hard_bounced: boolean;
  marked_email_as_spam: boolean;
  unsubscribed_from_emails: boolean;
  created_at: number;
  updated_at: number;
  signed_up_at: number | null;
  last_seen_at: number | null;
  last_replied_at: number | null;
  last_contacted_at: number | null;
  last_email_opened_at: number | null;
  last_email_clicked_at: number | null;
  language_override: string | null;
  browser: string | null;
  browser_version: string | null;
  browser_language: string | null;
  os: string | null;
  location: { country: string | null; region: string | null; city: string | null };
  custom_attributes: Record<string, unknown>;
  tag_ids: string[];
  company_ids: string[];
  subscriptions: Array<{ id: string; consent_type: 'opt_in' | 'opt_out' }>;
  archived: boolean;
  blocked: boolean;
  /** Set when this contact was merged into another: reads answer 410 with a Link to it. */
  merged_into: string | null;
}

export interface CompanyRecord {
  id: string;
  company_id: string;
  name: string;
  plan: string | null;
  size: number;
  website: string | null;
  industry: string | null;
  monthly_spend: number;
  session_count: number;
  remote_created_at: number;
  created_at: number;
  updated_at: number;
  last_request_at: number;
  custom_attributes: Record<string, unknown>;
  tag_ids: string[];
}

export interface PartAuthor {
  type: 'admin' | 'user' | 'lead' | 'bot' | 'team';
  id: string;
  name: string | null;
  email: string;
}

/** A file kept on a part (sent inline as attachment_files). */
export interface PartAttachment {
  type: 'upload';
  name: string;
  url: string;
  content_type: string;
  filesize: number;
  /** Of the decoded bytes: tests compare it with the file they sent. */
  sha256: string;
}

export interface PartRecord {
  id: string;
  part_type: string;
  body: string | null;
  /** Absent on parts that never carried files. */
  attachments?: PartAttachment[];
  created_at: number;
  updated_at: number;
  notified_at: number;
  assigned_to: { type: 'admin' | 'team'; id: string } | null;
  author: PartAuthor;
  redacted: boolean;
  state: 'open' | 'closed' | 'snoozed';
}

export interface AppliedTag {
  id: string;
  applied_at: number;
  applied_by: string;
}

export interface ConversationRecord {
  id: string;
  title: string | null;
  created_at: number;
  updated_at: number;
  waiting_since: number | null;
  snoozed_until: number | null;
  state: 'open' | 'closed' | 'snoozed';
  read: boolean;
  priority: 'none' | 'low' | 'medium' | 'high' | 'urgent';
  /** 0 when unassigned (the description's schema types these as integers). */
  admin_assignee_id: number;
  team_assignee_id: number;
  tags: AppliedTag[];
  contact_ids: string[];
  teammate_ids: string[];
  source: {
    id: string;
    type: string;
    delivered_as: string;
    subject: string;
    body: string;
    author: PartAuthor;
    redacted: boolean;
  };
  parts: PartRecord[];
  custom_attributes: Record<string, unknown>;
  company_id: string | null;
}

export interface TicketPartRecord {
  id: string;
  part_type: string;
  body: string | null;
  attachments?: PartAttachment[];
  previous_ticket_state?: string;
  ticket_state: string;
  created_at: number;
  updated_at: number;
  author: PartAuthor;
  redacted: boolean;
}

export interface TicketRecord {
  id: string;
  ticket_id: string;
  ticket_type_id: string;
  ticket_attributes: Record<string, unknown>;
  ticket_state_id: string;
  contact_ids: string[];
  admin_assignee_id: number;
  team_assignee_id: number;
  created_at: number;
  updated_at: number;
  open: boolean;
  snoozed_until: number | null;
  is_shared: boolean;
  parts: TicketPartRecord[];
  tags: AppliedTag[];
  company_id: string | null;
  linked_conversation_ids: string[];
}

export interface TagRecord {
  id: string;
  name: string;
}

export interface NoteRecord {
  id: string;
  created_at: number;
  body: string;
  author_id: string;
  contact_id: string | null;
  company_id: string | null;
}

export interface AdminRecord {
  id: string;
  name: string;
  email: string;
  job_title: string;
  away_mode_enabled: boolean;
  away_mode_reassign: boolean;
  away_status_reason_id: number | null;
  has_inbox_seat: boolean;
  team_ids: number[];
}

export interface TeamRecord {
  id: string;
  name: string;
  admin_ids: number[];
}

export interface DataAttributeRecord {
  id: number | null;
  model: 'contact' | 'company' | 'conversation';
  name: string;
  full_name: string;
  label: string;
  description: string;
  data_type: 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'options';
  options?: string[];
  api_writable: boolean;
  messenger_writable: boolean;
  ui_writable: boolean;
  custom: boolean;
  archived: boolean;
  created_at?: number;
  updated_at?: number;
  admin_id?: string;
}

/** A conversation attribute (GET /conversations/attributes): what a conversation's custom_attributes may hold. */
export interface ConversationAttributeRecord {
  id: number;
  name: string;
  description: string;
  data_type: 'string' | 'integer' | 'list' | 'decimal' | 'boolean' | 'datetime' | 'relationship' | 'files';
  required: boolean;
  visible_to_team_ids: string[];
  archived: boolean;
  created_at: number;
  updated_at: number;
  admin_id: string;
  options?: Array<{ id: string; label: string; archived: boolean }>;
}

export interface SubscriptionTypeRecord {
  id: string;
  name: string;
  consent_type: 'opt_in' | 'opt_out';
  content_types: string[];
}

export interface TicketStateRecord {
  id: string;
  category: 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved';
  internal_label: string;
  external_label: string;
}

export interface TicketTypeRecord {
  id: string;
  name: string;
  description: string;
  icon: string;
  category: 'Customer' | 'Back-office' | 'Tracker';
  created_at: number;
}

export interface MergeHistoryEntry {
  source_contact_id: string;
  source_contact_role: 'lead' | 'user';
  merged_at: number;
}

export interface DeletedConversation {
  id: string;
  deleted_at: number;
  metrics_retained: boolean;
}
