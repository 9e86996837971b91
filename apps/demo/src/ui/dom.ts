// Small typed DOM helpers: the page's elements are in index.html, looked up by id.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

/** The prefixes' names as the page shows them. */
export const prefixLabels: Readonly<Record<string, string>> = {
  none: 'no prefix (frozen model)',
  shipped: 'shipped E2E prefix',
  trained: 'trained here',
  uploaded: 'uploaded',
};

/** Fills a <select> with options, keeping the selection when it still exists. */
export function setOptions(select: HTMLSelectElement, options: readonly [string, string][]): void {
  const selected = select.value;
  select.replaceChildren(
    ...options.map(([value, label]) => element('option', { value, textContent: label })),
  );
  if (options.some(([value]) => value === selected)) select.value = selected;
}
