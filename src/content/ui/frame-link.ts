/**
 * One notes frame (notes-frame.html, src/frame) and the private channel to it; see
 * src/shared/frame-protocol.ts for why the reader's notes and typing live there.
 *
 * The token travels only in the frame's URL fragment (inside our closed root, unreadable by the page)
 * and the hello is posted with the extension's origin as target, so if the page navigated the frame
 * elsewhere before it loaded, the hello and its port go nowhere.
 */
import browser from 'webextension-polyfill';
import { FRAME_HELLO, FRAME_PAGE, type FrameView, type FromFrame, type ToFrame } from '../../shared/frame-protocol';

/** The extension's origin as postMessage wants it (URL.origin is "null" for chrome-extension:). */
const extensionOrigin = (): string => browser.runtime.getURL('').replace(/\/$/, '');

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class FrameLink {
  readonly element: HTMLIFrameElement;
  private port: MessagePort | undefined;
  private view: FrameView | undefined;
  private sized = false;

  /**
   * @param onEvent what the frame asks for (close, saved, add a note...)
   * @param onSize after each change of the frame's content height, once it is applied
   */
  constructor(
    title: string,
    private readonly onEvent: (event: FromFrame) => void,
    private readonly onSize: (first: boolean) => void,
    private readonly focusOnShow: boolean,
  ) {
    const token = newToken();
    const iframe = (this.element = document.createElement('iframe'));
    iframe.className = 'notes-frame';
    iframe.title = title;
    iframe.setAttribute('aria-label', title);
    iframe.addEventListener(
      'load',
      () => {
        const channel = new MessageChannel();
        this.port = channel.port1;
        channel.port1.onmessage = (message: MessageEvent<FromFrame>) => this.handle(message.data);
        iframe.contentWindow?.postMessage(JSON.stringify({ [FRAME_HELLO]: token }), extensionOrigin(), [channel.port2]);
        if (this.view) this.show(this.view);
      },
      { once: true },
    );
    iframe.src = `${browser.runtime.getURL(FRAME_PAGE)}#${token}`;
  }

  show(view: FrameView): void {
    this.view = view;
    const message: ToFrame = { type: 'show', view };
    this.port?.postMessage(message);
  }

  focus(): void {
    this.element.focus({ preventScroll: true });
  }

  private handle(event: FromFrame): void {
    if (event?.type !== 'size') return this.onEvent(event);
    if (!(event.height >= 0)) return;
    this.element.style.height = `${Math.min(event.height, 2000)}px`;
    const first = !this.sized;
    this.sized = true;
    this.onSize(first);
    // Focus once the content is there and shown (the frame then puts it on its first field).
    if (first && this.focusOnShow) this.focus();
  }

  destroy(): void {
    this.port?.close();
    this.port = undefined;
    this.element.remove();
  }
}
