/**
 * Live pages: comments loaded by script, infinite scroll, single-page navigation. A debounced
 * MutationObserver collects the blocks that changed and re-detects only those, never the whole page.
 * Cost per mutation record: one ancestor walk to the nearest block element.
 */
import { blockRootOf, isInsideSkipped, type DomNode } from '../core/extract';
import type { Annotator } from './annotator';
import type { PageMentions } from './mentions';

const DEBOUNCE_MS = 250;
const MAX_WAIT_MS = 1000;

export class LiveUpdates {
  private observer: MutationObserver | undefined;
  private readonly dirty = new Set<Node>();
  private timer = 0;
  private firstDirtyAt = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly mentions: PageMentions,
    private readonly annotator: Annotator,
    private readonly isOurs: (node: Node) => boolean,
  ) {}

  /** Observes until stop() or until `session` aborts. */
  start(session: AbortSignal): void {
    if (this.observer || session.aborted) return;
    session.addEventListener('abort', () => this.stop(), { once: true });
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    window.clearTimeout(this.timer);
    this.dirty.clear();
  }

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      // Our own card host arriving or leaving is not a change to the page's text.
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => this.isOurs(n))) continue;
      const targets: Node[] = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
      if (r.type === 'childList' && r.removedNodes.length > 0) targets.push(r.target);
      for (const node of targets) {
        if (this.isOurs(node) || !node.isConnected) continue;
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (isInsideSkipped(node as unknown as DomNode)) continue;
        this.dirty.add(blockRootOf(node as unknown as DomNode) as unknown as Node);
      }
    }
    if (this.dirty.size === 0) return;
    const now = performance.now();
    if (!this.timer) this.firstDirtyAt = now;
    window.clearTimeout(this.timer);
    // Debounced, but never postponed past MAX_WAIT_MS by a page that mutates continuously.
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstDirtyAt + MAX_WAIT_MS - now));
    this.timer = window.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = 0;
    const roots = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    // Drop roots inside other roots: their text is read with the outer one.
    const outer = roots.filter((n) => !roots.some((m) => m !== n && m.contains(n)));
    this.running = this.running
      .then(async () => {
        this.mentions.removeDetached();
        for (const root of outer) {
          this.mentions.removeWithin(root);
          await this.annotator.annotate(root);
        }
      })
      .catch((err: unknown) => console.warn('[Dramatis]', err instanceof Error ? err.message : err));
  }
}
