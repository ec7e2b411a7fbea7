import { InputValidationError } from './errors';
import { settings } from './settings';

/**
 * The one size rule for what is sent: a request body (JSON, UTF-8) is at most `settings.maxRequestBytes`
 * (INTERCOM_MAX_REQUEST_BYTES). It is checked before anything is read or sent, and the error speaks of the
 * request (never of "the answer"), names the field that makes it large, and says what to do.
 */
export const MAX_REQUEST_ENV = 'INTERCOM_MAX_REQUEST_BYTES';

/** The body as it goes on the wire, serialised once; an input error when it is over the cap. */
export function serializedBody(operation: string, body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  const bytes = Buffer.from(JSON.stringify(body) ?? 'null', 'utf8');
  if (bytes.length > settings.maxRequestBytes) {
    const culprit = largestField(body);
    throw requestTooLarge(
      operation,
      bytes.length,
      culprit ? `field ${culprit.path} alone is ${culprit.bytes} bytes: shorten it or split it over several requests` : 'send less in one request',
    );
  }
  return bytes;
}

/** "the request body would be N bytes, over the limit of M bytes (INTERCOM_MAX_REQUEST_BYTES); <what and what to do>". */
export function requestTooLarge(operation: string, bytes: number, detail: string, field?: string): InputValidationError {
  const problem = `the request body would be ${bytes} bytes, over the limit of ${settings.maxRequestBytes} bytes (${MAX_REQUEST_ENV}); ${detail}`;
  return new InputValidationError(operation, [field ? `field ${field}: ${problem}` : problem]);
}

/** Bytes of a value as JSON text. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

/**
 * The field that makes a body large: from the top, the largest property, followed down while one property
 * holds most of its parent (`message.body`, `attachment_files.0.data`).
 */
function largestField(body: unknown): { path: string; bytes: number } | undefined {
  let node = body;
  let found: { path: string; bytes: number } | undefined;
  for (let depth = 0; depth < 8 && typeof node === 'object' && node !== null; depth++) {
    let best: { key: string; bytes: number; value: unknown } | undefined;
    for (const [key, value] of Object.entries(node)) {
      const bytes = jsonBytes(value);
      if (!best || bytes > best.bytes) best = { key, bytes, value };
    }
    if (!best || (found && best.bytes * 2 < found.bytes)) break;
    found = { path: found ? `${found.path}.${best.key}` : best.key, bytes: best.bytes };
    node = best.value;
  }
  return found;
}
