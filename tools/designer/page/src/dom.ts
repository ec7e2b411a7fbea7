/** A few DOM helpers: the page is small enough that no framework pays for itself. */
type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page lacks #${id}`);
  return node;
}

/** An element of the page that must be of the given kind. */
export function byIdAs<T extends HTMLElement>(id: string, kind: new () => T): T {
  const node = byId(id);
  if (!(node instanceof kind)) throw new Error(`#${id} is not a ${kind.name}`);
  return node;
}

let counter = 0;

/** A unique id for label/help/error wiring. */
export function uid(prefix: string): string {
  counter++;
  return `${prefix}-${counter}`;
}

export function clear(node: Element): void {
  node.replaceChildren();
}
