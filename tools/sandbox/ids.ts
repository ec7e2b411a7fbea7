/**
 * Reversible, deterministic ids. A record's id encodes its position in its collection, so a seeded
 * dataset of 100,000 contacts needs no id table: `decode(id)` gives the index back and the record is
 * regenerated from it. Ids never depend on the wall clock.
 */
import { hash32, hex8 } from './random';

export interface IdCodec {
  encode(index: number): string;
  /** The index an id encodes, or undefined when the id was not produced by this codec. */
  decode(id: string): number | undefined;
}

const MULTIPLIER = 0x2c1b3c6d; // odd, so multiplication is a bijection modulo 2^32

function inverseOdd(a: number): number {
  // Newton iteration for the inverse modulo 2^32: each step doubles the number of correct bits.
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}

const MULTIPLIER_INVERSE = inverseOdd(MULTIPLIER);

/**
 * 24 lowercase hex characters, like Intercom's contact and company ids. The first 16 characters are
 * fixed per (seed, kind), the last 8 are a keyed permutation of the index, so ids look scattered but
 * ids of different kinds never collide.
 */
export function hexCodec(seed: string, kind: string): IdCodec {
  const prefix = hex8(hash32(`${seed}|${kind}|a`)) + hex8(hash32(`${seed}|${kind}|b`));
  const key = hash32(`${seed}|${kind}|k`);
  return {
    encode(index: number): string {
      return prefix + hex8(Math.imul((index ^ key) >>> 0, MULTIPLIER));
    },
    decode(id: string): number | undefined {
      if (id.length !== 24 || !id.startsWith(prefix)) return undefined;
      const tail = id.slice(16);
      if (!/^[0-9a-f]{8}$/.test(tail)) return undefined;
      return (Math.imul(parseInt(tail, 16), MULTIPLIER_INVERSE) ^ key) >>> 0;
    },
  };
}

/**
 * Decimal ids (conversations, tags, notes, admins, teams, parts are numeric strings in Intercom).
 * The offset is derived from the seed so that ids of different kinds live in different ranges.
 */
export function numericCodec(seed: string, kind: string, width = 9): IdCodec {
  const span = 10 ** (width - 1);
  const offset = span + (hash32(`${seed}|${kind}`) % (span * 4));
  return {
    encode(index: number): string {
      return String(offset + index);
    },
    decode(id: string): number | undefined {
      if (!/^[1-9][0-9]*$/.test(id)) return undefined;
      const n = Number(id) - offset;
      return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
    },
  };
}
