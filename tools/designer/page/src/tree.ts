/** The out-metadata as a tree, as the mapper offers it to the next step: each field with its type and title. */
import type { Schema } from './api.js';
import { el } from './dom.js';

function typeOf(schema: Schema): string {
  const type = schema['type'];
  const base = Array.isArray(type) ? (type as unknown[]).filter((t) => t !== 'null').join(' | ') : typeof type === 'string' ? type : schema['properties'] ? 'object' : 'any';
  return base === 'array' ? `list of ${typeOf((schema['items'] ?? {}) as Schema)}` : base;
}

function children(schema: Schema): Array<[string, Schema]> {
  const target = typeOf(schema).startsWith('list of') ? ((schema['items'] ?? {}) as Schema) : schema;
  return Object.entries((target['properties'] ?? {}) as Record<string, Schema>);
}

function node(name: string, schema: Schema, depth: number): HTMLElement {
  const title = typeof schema['title'] === 'string' && schema['title'] !== name ? schema['title'] : '';
  const help = (schema['help'] as { description?: unknown } | undefined)?.description ?? schema['description'];
  const label = [el('code', {}, name), ' ', el('span', { class: 'type' }, typeOf(schema)), title ? ` ${title}` : ''];
  const kids = depth < 6 ? children(schema) : [];
  const item = el('li', { title: typeof help === 'string' ? help : undefined });
  if (kids.length === 0) {
    item.append(...label);
    return item;
  }
  item.append(el('details', { open: depth < 1 }, el('summary', {}, ...label), el('ul', {}, ...kids.map(([k, s]) => node(k, s, depth + 1)))));
  return item;
}

export function outTree(schema: Schema | undefined): HTMLElement {
  if (!schema) return el('p', { class: 'note' }, 'No output metadata.');
  const top = children(schema);
  if (top.length === 0) return el('p', { class: 'note' }, `The output is ${typeOf(schema)}.`);
  return el('ul', { class: 'tree' }, ...top.map(([name, s]) => node(name, s, 0)));
}
