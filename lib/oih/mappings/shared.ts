/** Helpers the default mappings share: OIH's `contactData` entries and text values. */

export interface ContactData {
  type: string;
  value: string;
}

export type Fields = Record<string, unknown>;

export function asFields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

/** A non-empty text, or undefined. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The value of the first `contactData` entry of this type. */
export function contactValue(record: Fields, type: string): string | undefined {
  const list = Array.isArray(record['contactData']) ? (record['contactData'] as unknown[]) : [];
  for (const entry of list) {
    const fields = asFields(entry);
    if (fields['type'] === type) {
      const value = textOf(fields['value']);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** `contactData` entries for the given type → value pairs that have a value, in that order. */
export function contactData(pairs: Array<[string, unknown]>): ContactData[] {
  const out: ContactData[] = [];
  for (const [type, raw] of pairs) {
    const value = textOf(raw);
    if (value !== undefined) out.push({ type, value });
  }
  return out;
}

/** Copies the defined values only: a mapping never invents an empty field. */
export function defined(fields: Fields): Fields {
  const out: Fields = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  return out;
}
