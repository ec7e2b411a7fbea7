import { strict as assert } from 'node:assert';
import { renderContact, startSandbox, type LogEntry, type SandboxHandle, type SandboxOptions } from '../../../tools/sandbox';
import { INTERCOM_API_VERSION } from '../../../lib/catalogue/apiVersion';
import { ACCESS_TOKEN } from './component';

export type { LogEntry, SandboxHandle } from '../../../tools/sandbox';

/**
 * The e2e suite's Intercom is the project's sandbox (tools/sandbox), run in the mocha process. Expected values
 * come from its state or from the test's own calls to it, never from what the component emitted.
 */

/** Only the suite's token is accepted (anything else gets Intercom's 401); bodies are kept so tests can check them. */
export function startIntercom(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ tokens: [ACCESS_TOKEN], requestBodyLogBytes: 64 * 1024, ...options });
}

/** Between tests: default knobs, no pending faults, an empty request log. The workspace state stays. */
export function quietIntercom(sb: SandboxHandle): void {
  sb.knobs.reset();
  sb.requests.clear();
}

/** The contact as Intercom serves it now, read from the workspace state. */
export function servedContact(sb: SandboxHandle, id: string): Record<string, unknown> {
  const found = sb.state.contacts.getById(id);
  assert.ok(found, `the sandbox holds no contact ${id}`);
  return renderContact(sb.state, found.record);
}

export function servedContactByEmail(sb: SandboxHandle, email: string): Record<string, unknown> {
  const index = sb.state.contactByEmail(email);
  assert.ok(index !== undefined, `the sandbox holds no contact with email ${email}`);
  return servedContact(sb, sb.state.contacts.idOf(index));
}

/** Ids of the seeded contacts 0 … count-1. */
export function seededContactIds(sb: SandboxHandle, count: number): string[] {
  assert.ok(count <= sb.state.contacts.seedCount, `only ${sb.state.contacts.seedCount} contacts are seeded`);
  return Array.from({ length: count }, (_, i) => sb.state.contacts.idOf(i));
}

/** The id of seeded contact number `index`. */
export function seededContactId(sb: SandboxHandle, index: number): string {
  return seededContactIds(sb, index + 1)[index] as string;
}

/** Ids of the contacts GET /contacts lists, in its order (index order, hidden ones left out), from the state. */
export function listedContactIds(sb: SandboxHandle): string[] {
  const ids: string[] = [];
  for (const [index, contact] of sb.state.contacts.from(-1)) if (!sb.state.hiddenContacts.has(index)) ids.push(contact.id);
  return ids;
}

/** Logged requests with this method and exact path (still percent-encoded). */
export function requestsTo(sb: SandboxHandle, method: string, path: string): LogEntry[] {
  return sb.requests.entries().filter((e) => e.method === method && e.path === path);
}

/** The JSON body a logged request carried. */
export function bodyOf(entry: LogEntry | undefined): unknown {
  assert.ok(entry?.body !== undefined, 'the request log kept no body for this request');
  return JSON.parse(entry.body) as unknown;
}

/** The test's own call to the sandbox (to write records, or to read what any client is served); throws unless 200. */
export async function callIntercom(sb: SandboxHandle, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${ACCESS_TOKEN}`, 'Intercom-Version': INTERCOM_API_VERSION, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sb.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  assert.equal(response.status, 200, `${method} ${path}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

