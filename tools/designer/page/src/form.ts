/**
 * The input form built from an in-metadata schema (the platform dialect the mapper reads): each field labelled by
 * its title, with its help, a required mark, its allowed values and format; nested objects as groups, lists with
 * add and remove. Values are sent as typed: the component converts and validates them as it does on the platform.
 */
import type { Schema } from './api.js';
import { el, uid } from './dom.js';

/** A value the page itself can tell is wrong (a JSON field that does not parse). */
export class FieldProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

interface Control {
  node: HTMLElement;
  /** The value to send, undefined when nothing was entered. */
  value(): unknown;
}

interface Slot {
  container: HTMLElement;
  error: HTMLElement;
  input?: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
}

const MAX_DEPTH = 4;

function typeOf(schema: Schema): string | undefined {
  const type = schema['type'];
  if (Array.isArray(type)) return (type as unknown[]).find((t) => t !== 'null') as string | undefined;
  return typeof type === 'string' ? type : schema['properties'] ? 'object' : undefined;
}

function helpOf(schema: Schema): string | undefined {
  const help = (schema['help'] as { description?: unknown } | undefined)?.description ?? schema['description'];
  return typeof help === 'string' && help !== '' ? help : undefined;
}

/** Facts the platform shows beside a field: its allowed values and its format. */
function factsOf(schema: Schema, type: string | undefined): string | undefined {
  const facts: string[] = [];
  const values = schema['enum'];
  if (Array.isArray(values)) facts.push(`one of ${values.filter((v) => v !== null).map((v) => JSON.stringify(v)).join(', ')}`);
  if (schema['x-unix-time'] === true) facts.push('a moment: Unix seconds or ISO 8601 with a zone');
  else if (typeof schema['format'] === 'string') facts.push(`format: ${schema['format']}`);
  if (type === 'number' && schema['x-unix-time'] !== true) facts.push('a number');
  if (type === 'object' && !schema['properties']) facts.push('a JSON object');
  if (type === 'array') facts.push('a list');
  return facts.length > 0 ? facts.join('; ') : undefined;
}

export class InputForm {
  readonly root: HTMLElement;
  private readonly slots = new Map<string, Slot>();
  private readonly control: Control;

  constructor(
    schema: Schema | undefined,
    private readonly onChange: () => void,
  ) {
    this.control = this.object(schema ?? { type: 'object', properties: {} }, [], 0);
    this.root = this.control.node;
    this.root.addEventListener('input', onChange);
    this.root.addEventListener('change', onChange);
  }

  value(): Record<string, unknown> {
    return (this.control.value() as Record<string, unknown> | undefined) ?? {};
  }

  /** What was typed or chosen, by field path: carried over when the form is rebuilt (dynamic metadata arrived). */
  entered(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [path, slot] of this.slots) if (slot.input && slot.input.value !== '') out.set(path, slot.input.value);
    return out;
  }

  restore(entered: Map<string, string>): void {
    for (const [path, value] of entered) {
      const input = this.slots.get(path)?.input;
      if (input && (!(input instanceof HTMLSelectElement) || [...input.options].some((o) => o.value === value))) input.value = value;
    }
  }

  clearProblems(): void {
    for (const slot of this.slots.values()) {
      slot.error.textContent = '';
      slot.error.hidden = true;
      slot.container.classList.remove('invalid');
      slot.input?.removeAttribute('aria-invalid');
    }
  }

  /** Shows each "field a.b: text" next to the field it names (or its nearest group); returns what fits nowhere. */
  showProblems(problems: string[]): string[] {
    const unplaced: string[] = [];
    for (const problem of problems) {
      const match = /^field ([^:]+): ([\s\S]*)$/.exec(problem);
      const path = match?.[1] ?? '';
      let slot: Slot | undefined;
      for (let parts = path.split('.'); parts.length > 0 && !slot; parts = parts.slice(0, -1)) slot = this.slots.get(parts.join('.'));
      if (!slot || !match) {
        unplaced.push(problem);
        continue;
      }
      const text = slot === this.slots.get(path) ? (match[2] ?? '') : `${path}: ${match[2] ?? ''}`;
      slot.error.textContent = slot.error.textContent ? `${slot.error.textContent} ${text}` : text;
      slot.error.hidden = false;
      slot.container.classList.add('invalid');
      slot.input?.setAttribute('aria-invalid', 'true');
    }
    return unplaced;
  }

  private register(path: string[], container: HTMLElement, input?: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
    const error = el('p', { class: 'field-error', id: uid('error'), hidden: true });
    const slot: Slot = { container, error, ...(input ? { input } : {}) };
    this.slots.set(path.join('.'), slot);
    if (input) input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    return error;
  }

  private object(schema: Schema, path: string[], depth: number): Control {
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    const children = Object.entries(properties).map(([name, child]) => ({ name, control: this.property(name, child, [...path, name], required.has(name) || child['required'] === true, depth + 1) }));
    const node = el('div', { class: 'group' }, ...children.map((c) => c.control.node));
    if (children.length === 0 && depth === 0) node.append(el('p', { class: 'note' }, 'This step takes no input.'));
    return {
      node,
      value: () => {
        const out: Record<string, unknown> = {};
        for (const { name, control } of children) {
          const value = control.value();
          if (value !== undefined) out[name] = value;
        }
        return Object.keys(out).length > 0 ? out : undefined;
      },
    };
  }

  private property(name: string, schema: Schema, path: string[], required: boolean, depth: number): Control {
    const type = typeOf(schema);
    const title = typeof schema['title'] === 'string' && schema['title'] !== '' ? schema['title'] : name;
    const help = helpOf(schema);
    const facts = factsOf(schema, type);
    if (type === 'object' && schema['properties'] && depth < MAX_DEPTH) return this.group(title, help, facts, required, path, () => this.object(schema, path, depth));
    if (type === 'array') return this.list(title, help, facts, required, schema, path, depth);
    return this.scalar(title, help, facts, required, schema, type, path);
  }

  private describe(id: string, help: string | undefined, facts: string | undefined): { nodes: HTMLElement[]; ids: string } {
    const nodes: HTMLElement[] = [];
    if (help) nodes.push(el('p', { class: 'help', id: `${id}-help` }, help));
    if (facts) nodes.push(el('p', { class: 'facts', id: `${id}-facts` }, facts));
    return { nodes, ids: nodes.map((n) => n.id).join(' ') };
  }

  private requiredMark(required: boolean): HTMLElement | null {
    return required ? el('span', { class: 'required', title: 'required', 'aria-hidden': 'true' }, '*') : null;
  }

  private scalar(title: string, help: string | undefined, facts: string | undefined, required: boolean, schema: Schema, type: string | undefined, path: string[]): Control {
    const id = uid('in');
    const described = this.describe(id, help, facts);
    const values = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]).filter((v) => v !== null) : undefined;
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    let read: () => unknown;
    if (values || type === 'boolean') {
      const choices = values ?? [true, false];
      const select = el('select', { id }, el('option', { value: '' }, '(not set)'), ...choices.map((v, i) => el('option', { value: String(i) }, typeof v === 'string' ? v : JSON.stringify(v))));
      read = () => (select.value === '' ? undefined : choices[Number(select.value)]);
      input = select;
    } else if (type === 'object' || type === undefined) {
      const area = el('textarea', { id, rows: '3', spellcheck: 'false', placeholder: type === 'object' ? '{ }' : 'JSON' });
      read = () => {
        const text = area.value.trim();
        if (text === '') return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new FieldProblem(path.join('.'), 'is not valid JSON');
        }
      };
      input = area;
    } else {
      const field = el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: type === 'number' && schema['x-unix-time'] !== true ? 'decimal' : undefined });
      read = () => {
        const text = field.value;
        if (text === '') return undefined;
        // A number typed as digits goes as a number; anything else as typed, for the component to convert or refuse.
        return type === 'number' && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
      };
      input = field;
    }
    if (required) input.setAttribute('aria-required', 'true');
    if (described.ids) input.setAttribute('aria-describedby', described.ids);
    const container = el('div', { class: 'field', 'data-path': path.join('.') }, el('label', { for: id }, title), this.requiredMark(required), input, ...described.nodes);
    container.append(this.register(path, container, input));
    return { node: container, value: read };
  }

  private group(title: string, help: string | undefined, facts: string | undefined, required: boolean, path: string[], inner: () => Control): Control {
    const id = uid('group');
    const described = this.describe(id, help, facts);
    const content = inner();
    const legend = el('legend', {}, title);
    const mark = this.requiredMark(required);
    if (mark) legend.append(' ', mark);
    const fieldset = el('fieldset', { class: 'nested', 'data-path': path.join('.'), 'aria-describedby': described.ids || undefined }, legend, ...described.nodes, content.node);
    fieldset.append(this.register(path, fieldset));
    return { node: fieldset, value: () => content.value() };
  }

  private list(title: string, help: string | undefined, facts: string | undefined, required: boolean, schema: Schema, path: string[], depth: number): Control {
    const items = (schema['items'] ?? {}) as Schema;
    const id = uid('list');
    const described = this.describe(id, help, facts);
    const entries: Array<{ control: Control; node: HTMLElement }> = [];
    const body = el('ol', { class: 'items' });
    const add = el('button', { type: 'button', class: 'add' }, `Add to ${title}`);
    const addItem = (): void => {
      const index = entries.length;
      const itemType = typeOf(items);
      const itemPath = [...path, String(index)];
      const control =
        itemType === 'object' && items['properties'] && depth < MAX_DEPTH
          ? this.group(`${title} ${index + 1}`, undefined, undefined, false, itemPath, () => this.object(items, itemPath, depth + 1))
          : this.scalar(`${title} ${index + 1}`, undefined, undefined, false, items, itemType, itemPath);
      const remove = el('button', { type: 'button', class: 'remove' }, `Remove ${title} ${index + 1}`);
      const node = el('li', {}, control.node, remove);
      const entry = { control, node };
      remove.addEventListener('click', () => {
        entries.splice(entries.indexOf(entry), 1);
        node.remove();
        this.onChange();
      });
      entries.push(entry);
      body.append(node);
      this.onChange();
    };
    add.addEventListener('click', addItem);
    const legend = el('legend', {}, title);
    const mark = this.requiredMark(required);
    if (mark) legend.append(' ', mark);
    const fieldset = el('fieldset', { class: 'nested list', 'data-path': path.join('.'), 'aria-describedby': described.ids || undefined }, legend, ...described.nodes, body, add);
    fieldset.append(this.register(path, fieldset));
    return {
      node: fieldset,
      value: () => {
        const values = entries.map((e) => e.control.value()).filter((v) => v !== undefined);
        return values.length > 0 ? values : undefined;
      },
    };
  }
}
