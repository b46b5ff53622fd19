// Builds DOM nodes with text set through text nodes only, so registry or user text never becomes HTML.

/** An attribute value: `true` sets an empty attribute, `false` and `undefined` leave it out. */
export type AttributeValue = string | number | boolean | undefined;

/** A child: a node, text (always a text node), or nothing. */
export type Child = Node | string | null | undefined | false;

/** A new `tag` element with `attributes` and `children`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, AttributeValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends `children` to `parent`, turning text into text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}
