/**
 * What the sandbox was asked, for assertions such as "the create was sent exactly once". Per-route
 * counters are unbounded in time but tiny; the entry list is a ring buffer so long benchmark runs stay
 * within constant memory. Tokens are never recorded (only a keyed tag of them); bodies only when the
 * `requestBodyLogBytes` option asks for them.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface LogEntry {
  method: string;
  path: string;
  /** The request target exactly as received (path and query, still percent-encoded, no normalisation). */
  target: string;
  /** The matched route template, or undefined when nothing matched. */
  route: string | undefined;
  status: number;
  /** The injected fault, if any: a status, 'reset', 'hang', 'truncate'. */
  fault?: string;
  /** The request_id this request was given (the one an error.list answer carries). */
  requestId: string;
  /** The `Intercom-Version` header as received (first 100 characters); absent when none was sent. */
  version?: string;
  /** Which bearer token was sent, as `SandboxHandle.tokenTag(token)` computes it; absent without one. */
  tokenTag?: string;
  /** The first `requestBodyLogBytes` bytes of the body as UTF-8 text; absent when that option is 0 or there was none. */
  body?: string;
}

/**
 * Tags a token with an HMAC under a key that lives only as long as this sandbox: a test can tell which
 * token a request carried (tag equality) while the log, printed or kept, never holds the token itself.
 */
export function tokenTagger(): (token: string) => string {
  const key = randomBytes(32);
  return (token) => createHmac('sha256', key).update(token, 'utf8').digest('hex').slice(0, 16);
}

export class RequestLog {
  private readonly ring: LogEntry[] = [];
  private head = 0;
  private readonly counts = new Map<string, number>();
  total = 0;

  constructor(
    private readonly limit: number,
    private readonly listener?: (entry: LogEntry) => void,
  ) {}

  record(entry: LogEntry): void {
    this.total++;
    this.listener?.(entry);
    const key = `${entry.method} ${entry.route ?? entry.path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.limit <= 0) return;
    if (this.ring.length < this.limit) this.ring.push(entry);
    else {
      this.ring[this.head] = entry;
      this.head = (this.head + 1) % this.limit;
    }
  }

  /** The most recent entries, oldest first. */
  entries(): LogEntry[] {
    return [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
  }

  /** Requests seen for `METHOD /route/{template}` (or a literal path when nothing matched). */
  count(method: string, routeOrPath: string): number {
    return this.counts.get(`${method.toUpperCase()} ${routeOrPath}`) ?? 0;
  }

  clear(): void {
    this.ring.length = 0;
    this.head = 0;
    this.counts.clear();
    this.total = 0;
  }
}
