/**
 * The names found on this page: one owner for the mentions, the entities they name, the reader's
 * choices for ambiguous forms and their highlights. Others read through methods; only this class
 * changes a mention, so a choice or an entity upgrade is applied in one place.
 */
import { isCardEntity, type CardEntity, type MatchEntity } from '../core/index/format';
import type { EntityType } from '../core/dataset/types';
import type { Mention } from '../core/match/mention';
import { WHY } from '../core/match/why';
import { locate } from '../core/extract';
import { MarkSelector, type MarkCandidate } from '../core/marks';
import { DEFAULT_SETTINGS, type Settings } from '../core/protocol/messages';
import { rangeOf, type PageBlock } from './block-range';
import { PERSONAL_PREFIX } from '../core/personal';
import { Highlighter, type HighlightKind } from './highlights';
import { MarkLayer } from './mark-layer';
import { RangeIndex } from './range-index';
import { ViewportGate } from './viewport-gate';
import { BlockWindows, HUGE_BLOCK_CHARS } from './block-windows';
import { GIANT_NODE_CHARS, LazyAnchoredMarks, anchorsGiantNodes } from './giant-nodes';

export interface PageMention {
  readonly range: Range;
  readonly block: PageBlock;
  /** The linked entity; absent while ambiguous. */
  readonly id?: string;
  /** Ambiguous mentions: the entities it may name, most likely first. */
  readonly candidates?: readonly string[];
  /** The form's key, under which the reader's choice is remembered. */
  readonly key?: string;
  /** Why it was linked, as the resolver said (core/match/why.ts); absent: its own name, no namesake. */
  readonly why?: string;
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

/**
 * A block of more text nodes than this (a paragraph of thousands of one-letter spans), in Firefox,
 * every change to the registry there repaints the whole block, so one flush of its names cost 56 ms
 * on 3,800 nodes and 225 ms on 15,000, and flushing fewer names a frame still cost 56-127 ms a frame
 * on 15,000 (shapes-trace, 2026-12-08); its names are drawn in the closed root instead. Chromium
 * paints such a block through the registry within budget (shapes bench).
 */
const MANY_NODES = 2500;
/**
 * ...and of very short ones (under 4 characters a node on average): a paragraph of 7,400 links (some 20
 * characters a node) is windowed by block-windows.ts and does better in the registry (Firefox, jumps:
 * 3, 0, 0, 1, 1 long stalls drawn apart against 0, 0, 1, 0, 0 in the registry; shapes bench 2026-12-08).
 */
const SHORT_NODE_CHARS = 4;
const inManyNodes = (pm: PageMention): boolean =>
  pm.block.nodes.length > MANY_NODES && pm.block.text.length < pm.block.nodes.length * SHORT_NODE_CHARS && !anchorsGiantNodes();

/** A range that starts in a giant text node, in an engine that draws those apart (giant-nodes.ts). */
const inGiantNode = (range: Range): boolean => {
  const node = range.startContainer;
  return node.nodeType === 3 && (node as Text).length > GIANT_NODE_CHARS && anchorsGiantNodes();
};

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
  /** The reader's tracked names: painted inside the closed root, never in the page's highlight registry. */
  private readonly personal = new MarkLayer('marks-personal');
  /** Names inside giant text nodes: drawn in the closed root too, at fixed places (giant-nodes.ts). */
  private readonly anchored = new LazyAnchoredMarks();
  private readonly index = new RangeIndex<Owned>();
  /** Very large pages only: paints the names of blocks near the viewport (see viewport-gate.ts). */
  private gate: ViewportGate | undefined;
  /** Huge pages in Chromium: every name is drawn in the closed root (paintNearViewport). */
  private apart = false;
  private readonly byRoot = new Map<Element, Owned[]>();
  private readonly visibleRoots = new Set<Element>();
  /**
   * Every mention by its block's root element, so a live update finds the mentions of the blocks it
   * re-reads, and those whose block left the page, per block rather than per mention or text node.
   */
  private readonly byBlockRoot = new Map<Node, Set<Owned>>();
  /** Mentions of huge blocks, painted a window at a time near the viewport (block-windows.ts). */
  private readonly windows = new BlockWindows<Owned>({
    paint: (pm, on) => (on ? this.paint(pm) : this.unpaint(pm)),
    // The anchored marks measure right after the windows' reads, before any write of this frame.
    flush: () => this.anchored.flush(),
  });
  /** How many mentions link each entity (linkedIds() is asked once per detection batch). */
  private readonly linkCounts = new Map<string, number>();
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
        why: m.id ? m.why : chosen !== undefined && id ? WHY.correction : undefined,
        inLink: insideLink(range.startContainer),
      };
      // Batches arrive in reading order, so the selector's "first mention" holds as they come.
      pm.paint = this.selector.marks(this.candidate(pm)) ? markName(pm.kind, this.rules.markStyle, pm.inLink) : undefined;
      const first = locate(block, m.start)[0];
      const last = locate(block, Math.max(m.start, m.end - 1))[0];
      this.list.push(pm);
      this.index.add(pm, block.nodes.slice(first, last + 1));
      const blockRoot = block.root as unknown as Node;
      let inBlock = this.byBlockRoot.get(blockRoot);
      if (!inBlock) this.byBlockRoot.set(blockRoot, (inBlock = new Set()));
      inBlock.add(pm);
      this.countLink(pm.id, 1);
      added.push(pm);
      if (block.text.length > HUGE_BLOCK_CHARS) {
        this.windows.add(block, pm, m.start);
        continue;
      }
      const root = this.gatedRoot(pm);
      if (root) {
        let list = this.byRoot.get(root);
        if (!list) this.byRoot.set(root, (list = []));
        list.push(pm);
        this.gate!.watch(root);
      }
      if (this.painted(pm)) this.paint(pm);
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
   * Whether mentions must come in reading order: densities that mark only an entity's first
   * mention (per block or page) re-select every mark in document order when a batch lands before
   * the marks already there (O(n log n) over the page's mentions), so a huge block is then read
   * from its start rather than nearest the viewport first (annotator.ts).
   */
  wantsReadingOrder(): boolean {
    return this.rules.density === 'page' || this.rules.density === 'block';
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
      // Unpainted under its old kind and painter; reselect() paints it afresh below.
      if (this.painted(pm)) this.unpaint(pm);
      pm.paint = undefined;
      this.countLink(pm.id, -1);
      this.countLink(id, 1);
      pm.id = id;
      pm.candidates = undefined;
      pm.why = WHY.correction;
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
      if (visible) this.unpaint(pm);
      pm.paint = paint;
      if (visible) this.paint(pm);
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
    if (show) {
      this.highlighter.show();
      this.personal.show();
      this.anchored.show();
    } else {
      this.highlighter.hide();
      this.personal.hide();
      this.anchored.hide();
    }
  }

  /**
   * Where a mention is painted: a name the reader tracks (or an ambiguous form that may be one)
   * says something about the reader, so it goes to the closed root, in its type's colour whatever
   * the mark style; dataset names go to the registry.
   */
  private personalMention(pm: PageMention): boolean {
    return pm.id ? isPersonal(pm.id) : (pm.candidates?.some(isPersonal) ?? false);
  }

  private paint(pm: PageMention): void {
    if (!pm.paint) return;
    if (this.personalMention(pm)) this.personal.add(pm.kind, pm.range);
    else if (this.drawnApart(pm)) this.anchored.add(pm.kind, pm.range);
    else this.highlighter.add(pm.paint, pm.range);
  }

  private unpaint(pm: PageMention): void {
    if (!pm.paint) return;
    if (this.personalMention(pm)) this.personal.remove(pm.kind, pm.range);
    else if (this.drawnApart(pm)) this.anchored.remove(pm.range);
    else this.highlighter.remove(pm.paint, pm.range);
  }

  /**
   * Drawn in the closed root rather than the registry: names in giant text nodes, all names of a huge
   * page, and in Firefox the names of a block of thousands of text nodes.
   */
  private drawnApart(pm: PageMention): boolean {
    return this.apart || inGiantNode(pm.range) || inManyNodes(pm);
  }

  /** Whether marks are on screen now (hit-testing finds only what the reader can see). */
  get marksVisible(): boolean {
    return this.highlighter.visible;
  }

  /**
   * Forgets the picks made on this page: once stored as corrections they come back from the
   * resolver, and a pick the reader deleted since must not linger here.
   */
  forgetChoices(): void {
    this.choices.clear();
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
    return [...this.linkCounts.keys()];
  }

  private countLink(id: string | undefined, delta: 1 | -1): void {
    if (!id) return;
    const n = (this.linkCounts.get(id) ?? 0) + delta;
    if (n > 0) this.linkCounts.set(id, n);
    else this.linkCounts.delete(id);
  }

  /** Every mention, in the order found. */
  entries(): readonly PageMention[] {
    return this.list;
  }

  /** Mentions in reading order; sorted on demand (a keypress), O(n log n). */
  inDocumentOrder(): PageMention[] {
    return [...this.list].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /**
   * Removes every mention whose block lies inside one of the roots (before their text is detected
   * again). A block's text lies under its root element, so this looks up block roots, not text
   * nodes: per root, its own entry and those of the elements under it (or, when fewer blocks hold
   * mentions than the root has elements, a contains() test per such block).
   */
  removeWithin(roots: Node | readonly Node[]): void {
    const drop = new Set<Owned>();
    for (const root of Array.isArray(roots) ? (roots as readonly Node[]) : [roots as Node]) {
      for (const blockRoot of this.blockRootsUnder(root)) for (const pm of this.byBlockRoot.get(blockRoot) ?? []) drop.add(pm);
    }
    this.removeAll(drop);
  }

  /** Forgets mentions whose block left the page (removed comments, replaced views): one check per block root. */
  removeDetached(): void {
    const drop = new Set<Owned>();
    for (const [blockRoot, set] of this.byBlockRoot) if (!blockRoot.isConnected) for (const pm of set) drop.add(pm);
    this.removeAll(drop);
  }

  private blockRootsUnder(root: Node): Node[] {
    const found = this.byBlockRoot.has(root) ? [root] : [];
    const elements = (root as Partial<Element>).getElementsByTagName?.('*');
    if (!elements || elements.length === 0) return found;
    if (this.byBlockRoot.size < elements.length) {
      for (const blockRoot of this.byBlockRoot.keys()) if (blockRoot !== root && root.contains(blockRoot)) found.push(blockRoot);
    } else {
      for (const el of elements) if (this.byBlockRoot.has(el)) found.push(el);
    }
    return found;
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
   * `huge`: a page so large that, in Chromium, its names are drawn in the closed root like those of
   * giant text nodes (anchored-marks.ts). Every change to the registry makes Chromium walk the whole
   * layout tree before its next paint, and the gate changes it on every jump of the scroll position:
   * on a page of 50,000 elements that walk (prepaint) took 33-51 ms a jump, 48-97 ms frames with the
   * page's own paint (shapes bench, 2026-12-08); changes in the closed root cost only its own subtree.
   * The cost: those marks follow a scroll one frame late, hence only on huge pages.
   */
  paintNearViewport(huge = false): void {
    // Only before the first name: a name drawn one way is taken back the same way.
    if (huge && anchorsGiantNodes() && this.list.length === 0) this.apart = true;
    if (typeof IntersectionObserver === 'undefined') {
      this.highlighter.bigPage = true;
      return;
    }
    this.gate ??= new ViewportGate({ show: (root, visible) => this.showBlock(root, visible) });
  }

  private gatedRoot(pm: PageMention): Element | undefined {
    const root = pm.block.root as unknown as Node;
    return this.gate && root instanceof Element && !this.windows.has(pm as Owned) ? root : undefined;
  }

  /** Whether a mention's highlight belongs in the registry now. */
  private painted(pm: PageMention): boolean {
    if (this.windows.has(pm as Owned)) return this.windows.painted(pm as Owned);
    const root = this.gatedRoot(pm);
    return !root || this.visibleRoots.has(root);
  }

  private showBlock(root: Element, visible: boolean): void {
    if (visible === this.visibleRoots.has(root)) return;
    if (visible) this.visibleRoots.add(root);
    else this.visibleRoots.delete(root);
    for (const pm of this.byRoot.get(root) ?? []) {
      if (visible) this.paint(pm);
      else this.unpaint(pm);
    }
  }

  /** Forgets everything and unpaints it (the session stopped). */
  clear(): void {
    this.list.length = 0;
    this.byBlockRoot.clear();
    this.linkCounts.clear();
    this.index.clear();
    this.gate?.stop();
    this.gate = undefined;
    this.windows.stop();
    this.byRoot.clear();
    this.visibleRoots.clear();
    this.highlighter.clear();
    this.personal.clear();
    this.anchored.clear();
    this.entities.clear();
    this.selector = new MarkSelector(this.rules);
  }

  private kindOf(id: string | undefined): EntityType | 'ambiguous' {
    return id ? (this.entities.get(id)?.type ?? 'person') : 'ambiguous';
  }

  /** Removes the given mentions: one pass over the list, whatever their number. */
  private removeAll(drop: ReadonlySet<Owned>): void {
    if (drop.size === 0) return;
    let kept = 0;
    for (const pm of this.list) if (!drop.has(pm)) this.list[kept++] = pm;
    this.list.length = kept;
    for (const pm of drop) {
      this.index.remove(pm);
      this.unpaint(pm);
      this.countLink(pm.id, -1);
      const root = this.gatedRoot(pm);
      this.windows.remove(pm);
      const blockRoot = pm.block.root as unknown as Node;
      const inBlock = this.byBlockRoot.get(blockRoot);
      if (inBlock?.delete(pm) && inBlock.size === 0) this.byBlockRoot.delete(blockRoot);
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
    if (this.rules.density !== 'every' && this.rules.density !== 'modifier') this.reselect();
  }
}

const isPersonal = (id: string): boolean => id.startsWith(PERSONAL_PREFIX);
