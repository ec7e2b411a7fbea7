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
const secrets = new Set<string>();
/** Below this length a secret is replaced only where it stands as a word of its own, not inside other words. */
const SHORT_SECRET = 8;
const TOKEN_CHAR = /[A-Za-z0-9._~+/=-]/;

/** The most recently registered secret: every message of a step registers the same token again. */
let newest: string | undefined;

export function registerSecret(value: string | undefined): void {
  if (!value || value === newest) return;
  newest = value;
  // Already known or new, it becomes the most recent.
  secrets.delete(value);
  secrets.add(value);
  if (secrets.size > MAX_SECRETS) {
    const oldest = secrets.values().next().value;
    if (oldest !== undefined) secrets.delete(oldest);
  }
}

/** How many secrets are remembered (at most MAX_SECRETS). */
export function registeredSecretCount(): number {
  return secrets.size;
}

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]{4,}/gi;

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (!out.includes(secret)) continue;
    out = secret.length >= SHORT_SECRET ? out.split(secret).join('***') : replaceWord(out, secret);
  }
  // Belt and braces: any bearer credential that slipped into a message (the cheap test spares most lines the replace).
  return /bearer/i.test(out) ? out.replace(BEARER, '$1***') : out;
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
