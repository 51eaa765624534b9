/** Shows and hides the hover card for a mention, inside the closed shadow root of the UI host. */
import { render } from 'preact';
import cardCss from './card/card.css';
import { HoverCard } from './card/HoverCard';
import type { PageMention, PageMentions } from './mentions';
import { attachUi, detachUi, type UiHost } from './ui-host';

const GAP = 8;

export class CardView {
  private ui: UiHost | undefined;
  current: PageMention | undefined;

  constructor(private readonly mentions: PageMentions, private readonly onChoose: (pm: PageMention, id: string) => void) {}

  get host(): HTMLElement | undefined {
    return this.ui?.host;
  }

  open(pm: PageMention, pointer?: { x: number; y: number }): void {
    this.ui = attachUi(cardCss);
    this.current = pm;
    const entity = pm.id ? this.mentions.entities.get(pm.id) : undefined;
    const candidates = (pm.candidates ?? []).flatMap((id) => this.mentions.entities.get(id) ?? []);
    render(<HoverCard entity={entity} candidates={candidates} onChoose={(id) => this.onChoose(pm, id)} />, this.ui.mount);
    this.position(pm, pointer);
  }

  close(): void {
    if (!this.ui) return;
    render(null, this.ui.mount);
    detachUi();
    this.ui = undefined;
    this.current = undefined;
  }

  /** Below the line of the name under the pointer, flipped above when the viewport is short. */
  private position(pm: PageMention, pointer?: { x: number; y: number }): void {
    const card = this.ui?.mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    const rects = [...pm.range.getClientRects()];
    const anchor = (pointer && rects.find((r) => pointer.y >= r.top - 2 && pointer.y <= r.bottom + 2)) ?? rects[0] ?? pm.range.getBoundingClientRect();
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    let top = anchor.bottom + GAP;
    if (top + height > vh - GAP && anchor.top - GAP - height >= GAP) top = anchor.top - GAP - height;
    const left = Math.min(Math.max(GAP, anchor.left), Math.max(GAP, vw - width - GAP));
    card.style.top = `${Math.max(GAP, top)}px`;
    card.style.left = `${left}px`;
  }
}
