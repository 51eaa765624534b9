/**
 * The one element Dramatis adds to a page, created only while a card is open: a <dramatis-ui> at
 * the end of <html> with a closed shadow root, so page scripts cannot read what it shows (the
 * reader's notes) and page styles cannot reach inside. Inline !important styles on the host beat
 * hostile author rules such as `* { all: unset !important }`.
 */
// Only layout properties: text spacing stays adjustable by the reader's own stylesheets (WCAG 1.4.12).
const HOST_STYLE = [
  'position: fixed', 'top: 0', 'left: 0', 'width: 0', 'height: 0', 'overflow: visible',
  'z-index: 2147483647', 'display: block', 'contain: none', 'pointer-events: auto', 'transform: none',
  'visibility: visible', 'opacity: 1',
].map((d) => `${d} !important`).join('; ');

export interface UiHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly mount: HTMLElement;
}

let current: UiHost | undefined;

export function attachUi(css: string): UiHost {
  if (current && current.host.isConnected) return current;
  const host = document.createElement('dramatis-ui');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  mount.className = 'root';
  shadow.append(style, mount);
  document.documentElement.appendChild(host);
  current = { host, shadow, mount };
  return current;
}

export function detachUi(): void {
  current?.host.remove();
  current = undefined;
}

/** True when the event's path passes through our host (the page sees only the host). */
export function isFromUi(event: Event): boolean {
  return current !== undefined && event.composedPath().includes(current.host);
}
