/**
 * An example input for `describe`: the required fields (or, when none are required, the first two) with a value
 * of the right shape. Values are placeholders a person replaces, chosen so the sandbox accepts their shape.
 */
type Schema = Record<string, unknown>;

/** A Unix time (seconds) that reads as a date: 2026-01-01T00:00:00Z. */
const EXAMPLE_TIME = 1_767_225_600;

function exampleValue(name: string, schema: Schema): unknown {
  const values = schema['enum'];
  if (Array.isArray(values) && values.length > 0) return values[0];
  if (schema['example'] !== undefined) return schema['example'];
  const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[]).find((t) => t !== 'null') : schema['type'];
  const format = schema['format'];
  switch (type) {
    case 'integer':
    case 'number':
      return name.endsWith('_at') || format === 'timestamp' ? EXAMPLE_TIME : 1;
    case 'boolean':
      return true;
    case 'array': {
      const items = schema['items'];
      return typeof items === 'object' && items !== null ? [exampleValue(name.replace(/s$/, ''), items as Schema)] : [];
    }
    case 'object':
      return exampleObject(schema, 1);
    default:
      if (format === 'email' || name === 'email') return 'jane@example.com';
      if (format === 'date-time') return '2026-01-01T00:00:00Z';
      if (format === 'uri' || name.endsWith('url')) return 'https://example.com';
      if (name === 'id' || name.endsWith('_id')) return '123';
      return `<${name}>`;
  }
}

function exampleObject(schema: Schema, depth: number): Record<string, unknown> {
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null || depth > 3) return {};
  const entries = Object.entries(properties as Record<string, Schema>);
  const listed = Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : [];
  const required = entries.filter(([name, prop]) => prop['required'] === true || listed.includes(name));
  const chosen = required.length > 0 ? required : entries.slice(0, 2);
  const out: Record<string, unknown> = {};
  for (const [name, prop] of chosen) out[name] = exampleValue(name, prop);
  return out;
}

export function exampleInput(schema: Schema | undefined): Record<string, unknown> {
  return schema ? exampleObject(schema, 0) : {};
}
