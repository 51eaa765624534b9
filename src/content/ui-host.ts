/**
 * The one element Dramatis adds to a page, present only while a card or a note editor is open:
 * a <dramatis-ui> at the end of <html> with a closed shadow root, so page scripts cannot read what it
 * shows (the reader's notes) and page styles cannot reach inside. Inline !important layout styles
 * on the host beat hostile author rules such as `* { all: unset !important }`.
 */
// Only layout properties: text spacing stays adjustable by the reader's own stylesheets (WCAG 1.4.12).
const HOST_STYLE = [
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'display: block',
  'contain: none',
  'pointer-events: auto',
  'transform: none',
  'visibility: visible',
  'opacity: 1',
]
  .map((d) => `${d} !important`)
  .join('; ');

export type Slot = 'card' | 'panel';

export interface UiHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  mount(slot: Slot): HTMLElement;
}

let current: { host: HTMLElement; shadow: ShadowRoot; mounts: Map<Slot, HTMLElement> } | undefined;
/** Every host this script made, including removed ones: their coming and going is not a page change. */
const hosts = new WeakSet<Node>();

/** The host, created on first use; `slot` names the part of the UI that needs it. */
export function attachUi(css: string, slot: Slot): UiHost {
  if (!current || !current.host.isConnected) {
    const host = document.createElement('dramatis-ui');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
    hosts.add(host);
    document.documentElement.appendChild(host);
    current = { host, shadow, mounts: new Map() };
  }
  const c = current;
  if (!c.mounts.has(slot)) {
    const mount = document.createElement('div');
    mount.className = `root root-${slot}`;
    c.shadow.append(mount);
    c.mounts.set(slot, mount);
  }
  return { host: c.host, shadow: c.shadow, mount: (s) => c.mounts.get(s) ?? attachUi(css, s).mount(s) };
}

/** Gives a slot back; the host leaves the page when no slot is in use. */
export function releaseUi(slot: Slot): void {
  if (!current) return;
  current.mounts.get(slot)?.remove();
  current.mounts.delete(slot);
  if (current.mounts.size === 0) {
    current.host.remove();
    current = undefined;
  }
}

/**
 * The host functions as one object, handed to ui.js: ui.js is a separate bundle, and a copy of
 * this module there would keep its own `current`, so the content script could not tell its events.
 */
export const uiApi = { attach: attachUi, release: releaseUi };
export type UiApi = typeof uiApi;

/** True for our UI host or anything inside it, whether or not it is on the page now. */
export function isOurNode(node: Node): boolean {
  return hosts.has(node) || (current?.host.contains(node) ?? false);
}

/** True when the event's path passes through our host (the page sees only the host). */
export function isFromUi(event: Event): boolean {
  return current !== undefined && event.composedPath().includes(current.host);
}
