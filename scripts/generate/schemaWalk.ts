import { isRef, type Json, type LoadedDescription } from './description';

/**
 * The walk both readings of the description share (strict.ts for the validation, prune.ts for the mapper): a
 * reference is followed to what it names, a recursive one is stopped by the reading's own rule, and anything
 * that is not a schema object reads as an empty schema. What a schema object becomes is the reading's `read`.
 */
export abstract class SchemaWalk {
  constructor(
    protected readonly spec: LoadedDescription,
    protected readonly maxDepth: number,
  ) {}

  protected walk(node: unknown, depth: number, stack: Set<string>): Json {
    if (isRef(node)) {
      const visit = this.visitKey(node.$ref, depth);
      if (stack.has(visit)) return this.recursion(node);
      stack.add(visit);
      try {
        return this.walk(this.spec.resolve(node), depth, stack);
      } finally {
        stack.delete(visit);
      }
    }
    if (typeof node !== 'object' || node === null) return {};
    return this.read(node as Json, depth, stack);
  }

  /** What marks a reference as being walked: the same key again on the way down is a recursion. */
  protected abstract visitKey(ref: string, depth: number): string;

  /** What a recursive reference becomes. */
  protected abstract recursion(ref: { $ref: string }): Json;

  /** What one schema object becomes. */
  protected abstract read(schema: Json, depth: number, stack: Set<string>): Json;
}

/** A schema's type: the declared one (the non-null one of a list), else what its properties or items imply. */
export function typeOf(schema: Json): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type as string[]).find((t) => t !== 'null');
  if (schema['properties']) return 'object';
  if (schema['items']) return 'array';
  return undefined;
}
