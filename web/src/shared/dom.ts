type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element. Attributes whose name starts with `on` are event
 * listeners; `false`/`null`/`undefined` attributes are left out. Text is
 * always inserted as text (never as HTML), so names from the API cannot inject markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A «…»-marked search snippet as text with <mark> elements. */
export function snippet(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parts = text.split(/(«[^»]*»)/);
  for (const part of parts) {
    if (part.startsWith('«') && part.endsWith('»')) fragment.appendChild(el('mark', {}, part.slice(1, -1)));
    else if (part) fragment.appendChild(document.createTextNode(part));
  }
  return fragment;
}
