/**
 * Removes secrets from text before it leaves the process (logs, error messages, error properties).
 * Secrets are registered when credentials are read, so every later string can be scrubbed.
 */

/**
 * The most recently registered secrets. Every message registers its token again when it reads its credentials,
 * so the secrets of the messages in flight are always among the most recent; older ones are forgotten, which
 * keeps the cost of a log line independent of how many tokens the process has seen (a message's own token can
 * only be forgotten after 256 other secrets were registered while it ran).
 */
const MAX_SECRETS = 256;
interface SecretForms {
  /** Encoded forms `redact` replaces (see `encodedForms`). */
  encoded: readonly string[];
  /** How JSON may write the secret inside a string (`\/`, `\"`, `\\`): only looked for, in `mentionsSecret`. */
  json: readonly string[];
}

/** Each secret with the forms it may take in a text. */
const secrets = new Map<string, SecretForms>();
/** Below this length a secret is replaced only where it stands as a word of its own, not inside other words. */
const SHORT_SECRET = 8;
const TOKEN_CHAR = /[A-Za-z0-9._~+/=-]/;

/** The most recently registered secret: every message of a step registers the same token again. */
let newest: string | undefined;

export function registerSecret(value: string | undefined): void {
  if (!value || value === newest) return;
  newest = value;
  // Already known or new, it becomes the most recent.
  const forms = secrets.get(value) ?? { encoded: encodedForms(value), json: jsonForms(value) };
  secrets.delete(value);
  secrets.set(value, forms);
  if (secrets.size > MAX_SECRETS) {
    const oldest = secrets.keys().next().value;
    if (oldest !== undefined) secrets.delete(oldest);
  }
}

/**
 * How a secret may appear encoded in a text it did not write itself (an error body echoing a header, a URL):
 * URL-encoded (either case of hex digit), and base64 or base64url wherever it sits in the encoded bytes. The
 * base64 of a text containing the secret depends on where the secret starts modulo 3 bytes; for each of the
 * three starts, the characters made only of the secret's own bits are the same in every such text, so those
 * are what is looked for (the one or two characters at either end that mix in neighbouring bytes stay). Only
 * secrets long enough to give distinctive forms get them.
 */
function encodedForms(secret: string): readonly string[] {
  if (secret.length < SHORT_SECRET) return [];
  const forms = new Set<string>();
  const url = encodeURIComponent(secret);
  if (url !== secret) {
    forms.add(url);
    forms.add(url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  }
  const bytes = Buffer.from(secret, 'utf8');
  for (let start = 0; start < 3; start++) {
    const encoded = Buffer.concat([Buffer.alloc(start), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((8 * start) / 6), Math.floor((8 * (start + bytes.length)) / 6));
    if (core.length < SHORT_SECRET) continue;
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  forms.delete(secret);
  return [...forms];
}

function jsonForms(secret: string): readonly string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const forms = new Set([escaped, escaped.replace(/\//g, '\\/')]);
  forms.delete(secret);
  return [...forms];
}

/** How many secrets are remembered (at most MAX_SECRETS). */
export function registeredSecretCount(): number {
  return secrets.size;
}

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]{4,}/gi;

export function redact(text: string): string {
  let out = text;
  for (const [secret, forms] of secrets) {
    if (out.includes(secret)) out = secret.length >= SHORT_SECRET ? out.split(secret).join('***') : replaceWord(out, secret);
    for (const form of forms.encoded) if (out.includes(form)) out = out.split(form).join('***');
  }
  // Belt and braces: any bearer credential that slipped into a message (the cheap test spares most lines the replace).
  return /bearer/i.test(out) ? out.replace(BEARER, '$1***') : out;
}

/**
 * Whether a text holds a known secret in any form `redact` removes, or escaped as JSON writes it (`\/`, `\"`):
 * a cheap test of a whole answer before its parsed values are scrubbed (`redactValue`).
 */
export function mentionsSecret(text: string): boolean {
  for (const [secret, forms] of secrets) {
    if (text.includes(secret) && (secret.length >= SHORT_SECRET || replaceWord(text, secret) !== text)) return true;
    for (const form of forms.encoded) if (text.includes(form)) return true;
    for (const form of forms.json) if (text.includes(form)) return true;
  }
  return false;
}

/** `secret` replaced where no token character touches it on either side. */
function replaceWord(text: string, secret: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length)) {
    const before = text[at - 1];
    const after = text[at + secret.length];
    if ((before !== undefined && TOKEN_CHAR.test(before)) || (after !== undefined && TOKEN_CHAR.test(after))) continue;
    out += `${text.slice(from, at)}***`;
    from = at + secret.length;
  }
  return out + text.slice(from);
}

/**
 * Every string in a value redacted, at any depth: arrays and plain objects are copied, errors scrubbed in place
 * (message, stack and every own property), anything else left as it is.
 */
export function redactValue<T>(value: T, seen = new WeakSet()): T {
  if (typeof value === 'string') return redact(value) as T;
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, seen)) as T;
  if (value instanceof Error) {
    redactOwnProperties(value as unknown as Record<string, unknown>, seen);
    return value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, seen);
  return out as T;
}

/** Scrubs a thrown error in place before anyone sees it: its message, stack and every property, nested ones too. */
export function redactError(error: unknown): void {
  redactValue(error);
}

function redactOwnProperties(target: Record<string, unknown>, seen: WeakSet<object>): void {
  for (const key of Object.getOwnPropertyNames(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
    target[key] = redactValue(descriptor.value, seen);
  }
}
