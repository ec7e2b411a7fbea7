/**
 * Removes secrets from text before it leaves the process (logs, error messages).
 * Secrets are registered when credentials are read, so every later string can be scrubbed.
 */
const secrets = new Set<string>();

/** Bearer tokens are long; shorter values would scrub innocent text, so they are not registered. */
const MIN_SECRET_LENGTH = 8;

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]{4,}/gi;

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  // Belt and braces: any bearer credential that slipped into a message (the cheap test spares most lines the replace).
  return /bearer/i.test(out) ? out.replace(BEARER, '$1***') : out;
}
