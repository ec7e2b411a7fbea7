/**
 * Deterministic randomness. Everything the sandbox invents (ids, seeded records, fault draws, request ids)
 * derives from a seed key, so two runs with the same options produce byte-identical answers.
 */

/** FNV-1a over UTF-16 code units: cheap, stable across platforms, good enough to spread seed keys. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that keys differing in the last character still differ in the high bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A value in [0, 1) derived from a key: used to pick attributes of seeded records without state. */
export function unitFrom(key: string): number {
  return hash32(key) / 0x1_0000_0000;
}

export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** mulberry32: a tiny PRNG with a 32-bit state; sequences are reproducible from the seed. */
export class SeededRandom {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** RFC 4122 version-4 layout, but drawn from the seeded stream (Intercom's request_id is a uuid). */
  uuid(): string {
    const words = [0, 1, 2, 3].map(() => hex8(Math.floor(this.next() * 0x1_0000_0000)));
    const h = words.join('');
    const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
