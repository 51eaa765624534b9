/**
 * The names found on this page: one owner for the mentions, the entities they name, the reader's
 * choices for ambiguous forms and their highlights. Others read through methods; only this class
 * changes a mention, so a choice or an entity upgrade is applied in one place.
 */
import { isCardEntity, type CardEntity, type MatchEntity } from '../core/index/format';
import type { EntityType } from '../core/dataset/types';
import type { Mention } from '../core/match/mention';
import { locate } from '../core/extract';
import { MarkSelector, type MarkCandidate } from '../core/marks';
import { DEFAULT_SETTINGS, type Settings } from '../core/protocol/messages';
import { rangeOf, type PageBlock } from './block-range';
import { Highlighter, type HighlightKind } from './highlights';
import { RangeIndex } from './range-index';
import { ViewportGate } from './viewport-gate';

export interface PageMention {
  readonly range: Range;
  readonly block: PageBlock;
  /** The linked entity; absent while ambiguous. */
  readonly id?: string;
  /** Ambiguous mentions: the entities it may name, most likely first. */
  readonly candidates?: readonly string[];
  /** The form's key, under which the reader's choice is remembered. */
  readonly key?: string;
  /** Its type, or 'ambiguous'. */
  readonly kind: EntityType | 'ambiguous';
  /** The highlight that paints it, or undefined when the reader's density or kinds leave it unmarked. */
  readonly paint?: HighlightKind;
  /** It sits inside a link: its mark is drawn so that it does not look like (or sit on) the link's underline. */
  readonly inLink: boolean;
}

/** What of the settings decides the marks. */
export type MarkSettings = Pick<Settings, 'density' | 'kinds' | 'markStyle'>;

/**
 * The highlight a mention is painted with under a mark style. Inside a link the page already
 * underlines the text, so our mark there is a tint behind it instead of a second underline.
 */
export function markName(kind: EntityType | 'ambiguous', style: Settings['markStyle'], inLink: boolean): HighlightKind {
  if (inLink) return style === 'quiet' && kind !== 'ambiguous' ? 'link-quiet' : `link-${kind}`;
  if (kind === 'ambiguous') return 'ambiguous';
  if (style === 'quiet') return 'quiet';
  if (style === 'dotted') return `dotted-${kind}`;
  return kind;
}

/** Whether a text node sits inside a link. Cost: one closest() walk up the tree per mention. */
const insideLink = (node: Node): boolean => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('a[href]') != null;

/** Mutable inside this module only: outside, a PageMention is read-only. */
type Owned = { -readonly [K in keyof PageMention]: PageMention[K] };

export class PageMentions {
  private readonly list: Owned[] = [];
  /** Entities on the page: full card records, or names and types until the card texts arrive. */
  private readonly entities = new Map<string, CardEntity | MatchEntity>();
  /** The reader's picks on this page: form key -> entity id. */
  private readonly choices = new Map<string, string>();
  private readonly highlighter = new Highlighter();
  private readonly index = new RangeIndex<Owned>();
  /** Very large pages only: paints the names of blocks near the viewport (see viewport-gate.ts). */
  private gate: ViewportGate | undefined;
  private readonly byRoot = new Map<Element, Owned[]>();
  private readonly visibleRoots = new Set<Element>();
  private rules: MarkSettings = DEFAULT_SETTINGS;
  private selector = new MarkSelector(this.rules);
  /** The session wants names shown (the reader's highlight switch). */
  private wanted = false;
  /** Density 'modifier': the reader holds the key. */
  private held = false;

  /**
   * Adds resolved mentions for the given blocks (mention.block indexes blocks) and paints them.
   * Cost: O(log n) per mention to find its text nodes (binary search over the block's offsets).
   */
  add(
    blocks: readonly PageBlock[],
    mentions: readonly Mention[],
    entities: Readonly<Record<string, CardEntity | MatchEntity>>,
  ): readonly PageMention[] {
    for (const [id, e] of Object.entries(entities)) {
      const known = this.entities.get(id);
      if (!known || !isCardEntity(known)) this.entities.set(id, e);
    }
    const added: Owned[] = [];
    const previousLast = this.list[this.list.length - 1];
    for (const m of mentions) {
      const block = blocks[m.block];
      if (!block) continue;
      const chosen = !m.id && m.key ? this.choices.get(m.key) : undefined;
      const id = m.id ?? (chosen !== undefined && m.candidates?.includes(chosen) ? chosen : undefined);
      const range = rangeOf(block, m.start, m.end);
      const pm: Owned = {
        range,
        block,
        kind: this.kindOf(id),
        id,
        key: m.key,
        candidates: id ? undefined : m.candidates,
        inLink: insideLink(range.startContainer),
      };
      // Batches arrive in reading order, so the selector's "first mention" holds as they come.
      pm.paint = this.selector.marks(this.candidate(pm)) ? markName(pm.kind, this.rules.markStyle, pm.inLink) : undefined;
      const first = locate(block, m.start)[0];
      const last = locate(block, Math.max(m.start, m.end - 1))[0];
      this.list.push(pm);
      this.index.add(pm, block.nodes.slice(first, last + 1));
      const root = this.gatedRoot(pm);
      if (root) {
        let list = this.byRoot.get(root);
        if (!list) this.byRoot.set(root, (list = []));
        list.push(pm);
        this.gate!.watch(root);
      }
      if (pm.paint && this.painted(pm)) this.highlighter.add(pm.paint, pm.range);
      added.push(pm);
    }
    // Live pages add text anywhere: a batch that lands before names already marked changes which is "first".
    const firstAdded = added[0];
    if (
      firstAdded &&
      previousLast &&
      (this.rules.density === 'page' || this.rules.density === 'block') &&
      firstAdded.range.compareBoundaryPoints(Range.START_TO_START, previousLast.range) < 0
    )
      this.reselect();
    return added;
  }

  /**
   * The reader picked `id` for an ambiguous form: every still-ambiguous mention of that form that
   * could name it takes it (and `first`, the mention the reader picked on, whatever its form).
   */
  choose(key: string | undefined, id: string, first?: PageMention): void {
    if (key) this.choices.set(key, id);
    let changed = false;
    for (const pm of this.list) {
      const matches = pm === first || (key !== undefined && pm.key === key && !pm.id && pm.candidates?.includes(id));
      if (!matches) continue;
      pm.id = id;
      pm.candidates = undefined;
      pm.kind = this.kindOf(id);
      changed = true;
    }
    // The picked name may now be a "first mention" elsewhere, or no longer one: select afresh.
    if (changed) this.reselect();
  }

  /**
   * The reader changed how much is marked, how, or which kinds: every mention is selected again in
   * reading order and only the marks that changed are repainted (no detection runs again).
   * Cost: O(n log n) for the order, O(n) for the selection.
   */
  applyMarkSettings(rules: MarkSettings): void {
    this.rules = { density: rules.density, kinds: { ...rules.kinds }, markStyle: rules.markStyle };
    this.reselect();
    this.updateShown();
  }

  /** Density 'modifier': names light up while the reader holds the key. */
  setHeld(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.updateShown();
  }

  private reselect(): void {
    this.selector = new MarkSelector(this.rules);
    for (const pm of this.inDocumentOrder() as Owned[]) {
      const paint = this.selector.marks(this.candidate(pm)) ? markName(pm.kind, this.rules.markStyle, pm.inLink) : undefined;
      if (paint === pm.paint) continue;
      const visible = this.painted(pm);
      if (pm.paint && visible) this.highlighter.remove(pm.paint, pm.range);
      pm.paint = paint;
      if (paint && visible) this.highlighter.add(paint, pm.range);
    }
  }

  private candidate(pm: Owned): MarkCandidate {
    const types = pm.id ? [pm.kind as EntityType] : (pm.candidates ?? []).flatMap((c) => this.entities.get(c)?.type ?? []);
    return { id: pm.id, key: pm.key, types, block: pm.block };
  }

  /** Marks are on screen while the session wants them and, in 'modifier' density, while the key is held. */
  private updateShown(): void {
    const show = this.wanted && (this.rules.density !== 'modifier' || this.held);
    if (show === this.highlighter.visible) return;
    if (show) this.highlighter.show();
    else this.highlighter.hide();
  }

  /** Whether marks are on screen now (hit-testing finds only what the reader can see). */
  get marksVisible(): boolean {
    return this.highlighter.visible;
  }

  /** Replaces a name-and-type record with the full card record once the card texts arrive. */
  upgradeEntity(entity: CardEntity): void {
    this.entities.set(entity.id, entity);
  }

  entity(id: string): CardEntity | MatchEntity | undefined {
    return this.entities.get(id);
  }

  /** Ids of the entities linked on the page (support for later batches, relations on cards). */
  linkedIds(): string[] {
    const ids = new Set<string>();
    for (const pm of this.list) if (pm.id) ids.add(pm.id);
    return [...ids];
  }

  /** Every mention, in the order found. */
  entries(): readonly PageMention[] {
    return this.list;
  }

  /** Mentions in reading order; sorted on demand (a keypress), O(n log n). */
  inDocumentOrder(): PageMention[] {
    return [...this.list].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Removes every mention whose block lies inside root (before root's text is detected again). */
  removeWithin(root: Node): void {
    this.removeWhere((pm) => root.contains(pm.block.root as unknown as Node) || pm.block.nodes.some((n) => root.contains(n)));
  }

  /** Forgets mentions whose text left the page (removed comments, replaced views). */
  removeDetached(): void {
    this.removeWhere((pm) => !pm.block.nodes.every((n) => n.isConnected));
  }

  forRange(range: AbstractRange): PageMention | undefined {
    return this.index.forRange(range);
  }

  /** The marked mention at a text position, when marks are on screen: an unmarked name opens no card. */
  at(node: Node, offset: number): PageMention | undefined {
    if (!this.highlighter.visible) return undefined;
    const pm = this.index.at(node, offset);
    return pm?.paint ? pm : undefined;
  }

  show(): void {
    this.wanted = true;
    this.updateShown();
  }

  hide(): void {
    this.wanted = false;
    this.updateShown();
  }

  /**
   * Very large pages: only the names of blocks within a screen of the viewport are painted, as they
   * come near (see viewport-gate.ts). Where IntersectionObserver is missing, additions are throttled.
   */
  paintNearViewport(): void {
    if (typeof IntersectionObserver === 'undefined') {
      this.highlighter.bigPage = true;
      return;
    }
    this.gate ??= new ViewportGate({ show: (root, visible) => this.showBlock(root, visible) });
  }

  private gatedRoot(pm: PageMention): Element | undefined {
    const root = pm.block.root as unknown as Node;
    return this.gate && root instanceof Element ? root : undefined;
  }

  /** Whether a mention's highlight belongs in the registry now. */
  private painted(pm: PageMention): boolean {
    const root = this.gatedRoot(pm);
    return !root || this.visibleRoots.has(root);
  }

  private showBlock(root: Element, visible: boolean): void {
    if (visible === this.visibleRoots.has(root)) return;
    if (visible) this.visibleRoots.add(root);
    else this.visibleRoots.delete(root);
    for (const pm of this.byRoot.get(root) ?? []) {
      if (!pm.paint) continue;
      if (visible) this.highlighter.add(pm.paint, pm.range);
      else this.highlighter.remove(pm.paint, pm.range);
    }
  }

  /** Forgets everything and unpaints it (the session stopped). */
  clear(): void {
    this.list.length = 0;
    this.index.clear();
    this.gate?.stop();
    this.gate = undefined;
    this.byRoot.clear();
    this.visibleRoots.clear();
    this.highlighter.clear();
    this.entities.clear();
    this.selector = new MarkSelector(this.rules);
  }

  private kindOf(id: string | undefined): EntityType | 'ambiguous' {
    return id ? (this.entities.get(id)?.type ?? 'person') : 'ambiguous';
  }

  private removeWhere(drop: (pm: Owned) => boolean): void {
    let removed = false;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const pm = this.list[i]!;
      if (!drop(pm)) continue;
      removed = true;
      this.list.splice(i, 1);
      this.index.remove(pm);
      if (pm.paint) this.highlighter.remove(pm.paint, pm.range);
      const root = this.gatedRoot(pm);
      const list = root ? this.byRoot.get(root) : undefined;
      if (list) {
        list.splice(list.indexOf(pm), 1);
        if (list.length === 0) {
          this.byRoot.delete(root!);
          this.visibleRoots.delete(root!);
          this.gate!.unwatch(root!);
        }
      }
    }
    // A removed first mention leaves the next one first; the selector's memory must forget it.
    if (removed && this.rules.density !== 'every' && this.rules.density !== 'modifier') this.reselect();
  }
}
