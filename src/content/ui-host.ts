/**
 * The one element Dramatis adds to a page: a plain <div> at the end of <html> with a closed shadow
 * root, present while highlights are shown (it carries the marks of the reader's notes and tracked
 * names, see mark-layer.ts) or a card or editor is open. Page scripts cannot read what it shows and
 * page styles cannot reach inside.
 *
 * Why a plain <div>: an element with a custom-element name (<dramatis-ui>) is upgraded by whatever
 * constructor the page registers for that name, and attachInternals() then hands the page the closed
 * shadow root. A standard element is never upgraded, and the content script's attachShadow is its
 * own world's (Chromium's isolated world; Firefox's Xray vision), so a page that hooks
 * Element.prototype.attachShadow or attachInternals sees nothing. The reader's own text (notes,
 * tracked names' descriptions, what they type) is not even in this root: it is in an
 * extension-origin frame inside it (see ui/frame-link.ts).
 * Inline !important layout styles on the host beat hostile author rules such as `* { all: unset !important }`.
 */
// Only layout properties: text spacing stays adjustable by the reader's own stylesheets (WCAG 1.4.12).
const HOST_STYLE = [
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'display: block',
  'contain: none',
  'pointer-events: auto',
  'transform: none',
  'filter: none',
  'visibility: visible',
  'opacity: 1',
]
  .map((d) => `${d} !important`)
  .join('; ');

/** The parts of the UI that share the host: the card, the note panel, and the layers of marks. */
export type Slot = 'card' | 'panel' | 'marks-note' | 'marks-personal' | 'marks-anchored';

export interface UiHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  mount(slot: Slot): HTMLElement;
}

/** Marks paint under the card and the panel: their mounts come first in the root. */
const MARK_SLOTS: readonly Slot[] = ['marks-note', 'marks-personal', 'marks-anchored'];

let current: { host: HTMLElement; shadow: ShadowRoot; mounts: Map<Slot, HTMLElement> } | undefined;
/** Every host this script made, including removed ones: their coming and going is not a page change. */
const hosts = new WeakSet<Node>();
/** Stylesheets handed in by the parts (ui.js brings the card's); applied to every new host. */
const sheets = new Map<string, string>();

/** The host, created on first use; `slot` names the part of the UI that needs it; `css` its styles. */
export function attachUi(css: string, slot: Slot): UiHost {
  if (!current || !current.host.isConnected) {
    const host = document.createElement('div');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    hosts.add(host);
    document.documentElement.appendChild(host);
    current = { host, shadow, mounts: new Map() };
    for (const text of sheets.values()) addSheet(shadow, text);
  }
  const c = current;
  if (css && !sheets.has(css)) {
    sheets.set(css, css);
    addSheet(c.shadow, css);
  }
  if (!c.mounts.has(slot)) {
    const mount = document.createElement('div');
    mount.className = `root root-${slot}`;
    if (MARK_SLOTS.includes(slot)) c.shadow.insertBefore(mount, c.shadow.querySelector('.root'));
    else c.shadow.append(mount);
    c.mounts.set(slot, mount);
  }
  return { host: c.host, shadow: c.shadow, mount: (s) => c.mounts.get(s) ?? attachUi('', s).mount(s) };
}

function addSheet(shadow: ShadowRoot, css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
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
