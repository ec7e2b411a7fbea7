/**
 * A collection whose first `seedCount` records exist only as a function of their index. Reads
 * regenerate a seeded record on demand; a write materializes just that record. Memory therefore grows
 * with what clients write, not with the size of the seeded dataset (100,000 contacts cost nothing
 * until touched).
 */
import type { IdCodec } from '../ids';

export class LazyCollection<T> {
  private readonly written = new Map<number, T>();
  private readonly deleted = new Set<number>();
  /** When each written record was last written (ms), for the search-index delay knob. */
  private readonly writtenAt = new Map<number, number>();
  private next: number;
  /** Bumped on every change; search caches its total counts per version. */
  version = 0;

  constructor(
    readonly codec: IdCodec,
    readonly seedCount: number,
    private readonly generate: (index: number) => T,
  ) {
    this.next = seedCount;
  }

  /** Live records (seeded + created − deleted). */
  get size(): number {
    return this.next - this.deleted.size;
  }

  /** One past the highest index ever used. */
  get end(): number {
    return this.next;
  }

  idOf(index: number): string {
    return this.codec.encode(index);
  }

  indexOf(id: string): number | undefined {
    const index = this.codec.decode(id);
    if (index === undefined || index >= this.next || this.deleted.has(index)) return undefined;
    return index;
  }

  get(index: number): T | undefined {
    if (index < 0 || index >= this.next || this.deleted.has(index)) return undefined;
    const w = this.written.get(index);
    if (w !== undefined) return w;
    return index < this.seedCount ? this.generate(index) : undefined;
  }

  getById(id: string): { index: number; record: T } | undefined {
    const index = this.indexOf(id);
    if (index === undefined) return undefined;
    const record = this.get(index);
    return record === undefined ? undefined : { index, record };
  }

  isWritten(index: number): boolean {
    return this.written.has(index);
  }

  /** Append a new record; `build` receives the id and index it will live at. */
  insert(build: (id: string, index: number) => T, atMs: number): T {
    const index = this.next;
    const record = build(this.codec.encode(index), index); // may throw: the index is only taken after
    this.next++;
    this.written.set(index, record);
    this.writtenAt.set(index, atMs);
    this.version++;
    return record;
  }

  /** Store a changed record (materializes a seeded one). */
  put(index: number, record: T, atMs: number): void {
    this.written.set(index, record);
    this.writtenAt.set(index, atMs);
    this.version++;
  }

  remove(index: number): void {
    this.written.delete(index);
    this.writtenAt.delete(index);
    this.deleted.add(index);
    this.version++;
  }

  lastWrittenAt(index: number): number | undefined {
    return this.writtenAt.get(index);
  }

  /** Live records in index order, starting after `after`. */
  *from(after: number): Generator<[number, T]> {
    for (let i = Math.max(0, after + 1); i < this.next; i++) {
      const r = this.get(i);
      if (r !== undefined) yield [i, r];
    }
  }

  /** Live records in descending index order, starting before `before`. */
  *backwardFrom(before: number): Generator<[number, T]> {
    for (let i = Math.min(before, this.next) - 1; i >= 0; i--) {
      const r = this.get(i);
      if (r !== undefined) yield [i, r];
    }
  }

  /** Number of records held in memory (what was written), for the memory tests. */
  get materialized(): number {
    return this.written.size;
  }
}
