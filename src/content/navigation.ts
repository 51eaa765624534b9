/**
 * Moving through the page's names from the keyboard (next, previous) and from the popup (scroll to
 * an entity). The cursor remembers where the reader is when no card is open.
 */
import type { PageMention, PageMentions } from './mentions';
import type { LazyUi } from './ui-loader';

export class Navigation {
  private cursor = -1;

  constructor(
    private readonly mentions: PageMentions,
    private readonly card: LazyUi,
    private readonly ensureHighlights: () => void,
  ) {}

  /** Scrolls to the name and opens its card with keyboard focus. */
  open(pm: PageMention): void {
    pm.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.card.open(pm, { focus: true });
  }

  /** Opens the first mention of an entity (a card's related name). */
  openEntity(id: string): void {
    const target = this.mentions.inDocumentOrder().find((m) => m.id === id);
    if (target) this.open(target);
  }

  /** The next or previous name from the open card (or the last one visited); its text, or null on a page without names. */
  step(direction: 'next' | 'previous'): string | null {
    // Only names the reader's density and kinds mark: stepping never lands on an unmarked name.
    const ordered = this.mentions.inDocumentOrder().filter((m) => m.paint);
    if (ordered.length === 0) return null;
    const open = this.card.current;
    const current = open ? ordered.indexOf(open as PageMention) : this.cursor;
    this.cursor = direction === 'next' ? (current + 1) % ordered.length : (current - 1 + ordered.length) % ordered.length;
    const pm = ordered[this.cursor]!;
    this.ensureHighlights();
    this.open(pm);
    return pm.range.toString();
  }

  /** Scrolls smoothly to the first mention of an entity (the popup's list); false when it is not on the page. */
  scrollTo(id: string): boolean {
    const pm = this.mentions.inDocumentOrder().find((x) => x.id === id);
    if (!pm) return false;
    pm.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }
}
