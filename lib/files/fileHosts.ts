import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, isIPv4, isIPv6, type LookupFunction } from 'node:net';

/**
 * Where a file may be fetched from. A URL a flow hands over (a signed URL in `msg.attachments`, a part's
 * attachment, a recording's redirect) is fetched only from a host whose every address is public: not loopback,
 * private, shared (CGNAT), link-local, unique-local, multicast, unspecified or reserved, also when written as an
 * IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address or as a decimal, octal or hex IPv4 number (the URL
 * parser writes those as dotted quads first). Host names are checked after DNS, by the very lookup the
 * connection uses, so the address checked is the address connected to (no window for DNS rebinding); each
 * redirect is checked the same way. The platform's own object storage, at the host its settings name, is
 * reached through `trusted` requests (storage.ts).
 *
 * Test-only: `INTERCOM_TEST_LOOPBACK_FILES` lists loopback `address:port` pairs (`127.0.0.1:40123`,
 * `[::1]:40123`) that are let through, so tests can serve signed URLs from a local storage stand-in
 * (tools/storage sets it). It opens those exact ports of this machine and nothing else: an entry that is not a
 * loopback address with a port is ignored, so it can never open a private network or a cloud metadata address.
 */
export const TEST_LOOPBACK_ENV = 'INTERCOM_TEST_LOOPBACK_FILES';

/** Redirects followed for one file (each one checked like the first URL). */
export const MAX_FILE_REDIRECTS = 5;

export class FileHostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileHostError';
  }
}

type Range = readonly [bytes: readonly number[], bits: number];

/** IPv4 ranges that are not the public internet (RFC 6890 and its successors). */
const NOT_PUBLIC_V4: readonly Range[] = [
  [[0], 8], // "this network", 0.0.0.0
  [[10], 8],
  [[100, 64], 10], // shared address space (CGNAT)
  [[127], 8],
  [[169, 254], 16], // link-local, cloud metadata
  [[172, 16], 12],
  [[192, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2], 24], // documentation
  [[192, 88, 99], 24], // 6to4 relay anycast
  [[192, 168], 16],
  [[198, 18], 15], // benchmarking
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4], // multicast
  [[240], 4], // reserved, broadcast
];

/** IPv6 ranges inside global unicast (2000::/3) that are not the public internet. */
const NOT_PUBLIC_V6: readonly Range[] = [
  [[0x20, 0x01, 0x00], 23], // IETF protocol assignments, Teredo
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x3f, 0xff, 0x00], 20], // documentation
];

function inRange(bytes: readonly number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function v4Public(bytes: readonly number[]): boolean {
  return !NOT_PUBLIC_V4.some((range) => inRange(bytes, range));
}

/** The 16 bytes of an IPv6 address (a zone `%eth0` left out); undefined when it is not one. */
function ipv6Bytes(text: string): number[] | undefined {
  const address = text.split('%')[0] ?? '';
  if (!isIPv6(address)) return undefined;
  const words = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const group of part.split(':')) {
      if (group.includes('.')) {
        const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else out.push(parseInt(group, 16));
    }
    return out;
  };
  const [head = '', tail] = address.split('::');
  const first = words(head);
  const last = tail === undefined ? [] : words(tail);
  const all = [...first, ...Array.from({ length: 8 - first.length - last.length }, () => 0), ...last];
  return all.flatMap((word) => [word >> 8, word & 0xff]);
}

/** Whether an IP address (v4 or v6, as text) is a public internet address. */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return v4Public(address.split('.').map(Number));
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const zeros = (from: number, to: number): boolean => bytes.slice(from, to).every((b) => b === 0);
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address they carry.
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4Public(bytes.slice(12));
  if (inRange(bytes, [[0x00, 0x64, 0xff, 0x9b], 96]) && zeros(4, 12)) return v4Public(bytes.slice(12));
  // 2002:aabb:ccdd::/48 (6to4) carries aa.bb.cc.dd.
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4Public(bytes.slice(2, 6));
  // Everything outside global unicast (2000::/3) is loopback, unspecified, IPv4-compatible, local NAT64,
  // discard, unique-local, link-local, site-local, multicast or not assigned.
  if (((bytes[0] ?? 0) & 0xe0) !== 0x20) return false;
  return !NOT_PUBLIC_V6.some((range) => inRange(bytes, range));
}

/** The loopback `address:port` pairs the test-only switch lets through. */
function testLoopbackPairs(): Set<string> {
  const pairs = new Set<string>();
  for (const entry of (process.env[TEST_LOOPBACK_ENV] ?? '').split(',')) {
    const match = /^\s*(?:\[([^\]]+)\]|([\d.]+)):(\d{1,5})\s*$/.exec(entry);
    const address = match?.[1] ?? match?.[2];
    if (!address || !match?.[3]) continue;
    const loopback = isIPv4(address) ? address.startsWith('127.') : ipv6Bytes(address)?.every((b, i) => b === (i === 15 ? 1 : 0)) === true;
    if (loopback) pairs.add(`${canonical(address)}:${Number(match[3])}`);
  }
  return pairs;
}

function canonical(address: string): string {
  return isIPv6(address) ? (ipv6Bytes(address) ?? []).join('.') : address;
}

function allowed(address: string, port: number): boolean {
  if (isPublicAddress(address)) return true;
  const pairs = process.env[TEST_LOOPBACK_ENV] ? testLoopbackPairs() : undefined;
  return pairs?.has(`${canonical(address)}:${port}`) === true;
}

/** A DNS lookup that answers only with addresses `allowed`: what the connection then uses is what was checked. */
function checkedLookup(port: number): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      if (addresses.length === 0 || addresses.some((a) => !allowed(a.address, port))) {
        return callback(Object.assign(new Error(`${hostname} does not resolve to public addresses only`), { code: 'ENOTPUBLIC' }), '');
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
}

export interface FileRequest {
  headers?: Record<string, string>;
  /** The platform's own storage at its configured host: not checked, and never redirected. */
  trusted?: boolean;
  signal: AbortSignal;
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** One message for every way a host can fail to answer, so a flow cannot map which internal ports are open. */
function unreachable(url: URL, trusted: boolean): FileHostError {
  if (trusted) return new FileHostError('the storage could not be reached');
  return new FileHostError(`${url.host} could not be reached, or its address is not public (files are read only from the platform's storage and from public addresses)`);
}

/**
 * GETs a file, following up to MAX_FILE_REDIRECTS redirects of an untrusted URL (each checked like the first);
 * resolves with the final answer, its body not yet read.
 */
export async function getFile(rawUrl: URL, request: FileRequest): Promise<IncomingMessage> {
  let url = rawUrl;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FileHostError(`"${url.protocol}" URLs are not read; only http(s)`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!request.trusted && isIP(host) !== 0 && !allowed(host, portOf(url))) {
      throw new FileHostError(`${url.host} is not a public address; files are read only from the platform's storage and from public addresses`);
    }
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const options: https.RequestOptions = { method: 'GET', headers: request.headers ?? {}, signal: request.signal, agent: false };
      if (!request.trusted) options.lookup = checkedLookup(portOf(url));
      const outgoing = (url.protocol === 'https:' ? https : http).request(url, options, resolve);
      // A timeout is told as such (its bound is the caller's to name); every other failure reads the same.
      outgoing.once('error', () => reject(request.signal.aborted ? (request.signal.reason as Error) : unreachable(url, request.trusted === true)));
      outgoing.end();
    });
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status < 300 || status >= 400 || location === undefined) return response;
    response.resume();
    // The platform's storage token must not follow a redirect anywhere: its reads follow none.
    if (request.trusted) throw new FileHostError(`the storage answered ${status} with a redirect, which is not followed`);
    if (hop >= MAX_FILE_REDIRECTS) throw new FileHostError(`more than ${MAX_FILE_REDIRECTS} redirects from ${rawUrl.host}`);
    url = new URL(location, url);
  }
}
