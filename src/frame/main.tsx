/**
 * notes-frame.html: the reader's notes and what they type, in an extension-origin frame inside the
 * closed shadow root of our host (see src/shared/frame-protocol.ts). Waits for the content script's
 * hello carrying the token of this frame's URL fragment and a MessagePort; ignores everything else
 * (a page can post messages to any frame). Reports its height so the content script can size it.
 */
import { render } from 'preact';
import { FRAME_HELLO, type FromFrame, type ToFrame } from '../shared/frame-protocol';
import { FrameApp } from './FrameApp';

const token = location.hash.slice(1);
let port: MessagePort | undefined;

const tell = (event: FromFrame): void => port?.postMessage(event);

function reportSize(): void {
  tell({ type: 'size', height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
}

window.addEventListener('message', (event: MessageEvent) => {
  if (port || token.length < 16 || typeof event.data !== 'string') return;
  let hello: unknown;
  try {
    hello = JSON.parse(event.data);
  } catch {
    return;
  }
  if ((hello as Record<string, unknown> | null)?.[FRAME_HELLO] !== token || !event.ports[0]) return;
  port = event.ports[0];
  port.onmessage = (message: MessageEvent<ToFrame>) => {
    if (message.data?.type !== 'show') return;
    render(<FrameApp view={message.data.view} tell={tell} />, document.getElementById('app')!);
    reportSize();
  };
  new ResizeObserver(reportSize).observe(document.body);
});

// When the frame gets focus (the content script focuses it as an editor opens), the editor's first
// field takes it, even if the frame could not focus it while it was still being shown.
window.addEventListener('focus', () => {
  if (document.activeElement === document.body) document.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
});

// Escape anywhere in the frame closes what it belongs to (the card or the editor), as it does in the page.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented) tell({ type: 'close' });
});
