/**
 * The names found on this page: one owner for the mentions, the entities they name, the reader's
 * choices for ambiguous forms and their highlights. Others read through methods; only this class
 * changes a mention, so a choice or an entity upgrade is applied in one place.
 */
import { isCardEntity, type CardEntity, type MatchEntity } from '../core/index/format';
import type { EntityType } from '../core/dataset/types';
import type { Mention } from '../core/match/mention';
import { locate } from '../core/extract';
import { rangeOf, type PageBlock } from './block-range';
import { PERSONAL_PREFIX } from '../core/personal';
import { Highlighter } from './highlights';
import { MarkLayer } from './mark-layer';
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
  /** Which highlight paints it. */
  readonly kind: EntityType | 'ambiguous';
}

/** Mutable inside this module only: outside, a PageMention is read-only. */
type Owned = { -readonly [K in keyof PageMention]: PageMention[K] };

export class PageMentions {
  private readonly list: Owned[] = [];
  /** Entities on the page: full card records, or names and types until the card texts arrive. */
  private readonly entities = new Map<string, CardEntity | MatchEntity>();
  /** The reader's picks on this page: form key -> entity id. */
  private readonly choices = new Map<string, string>();
  private readonly highlighter = new Highlighter();
  /** The reader's tracked names: painted in the closed root, never in the page-readable registry. */
  private readonly personal = new MarkLayer('marks-personal');
  private readonly index = new RangeIndex<Owned>();
  /** Very large pages only: paints the names of blocks near the viewport (see viewport-gate.ts). */
  private gate: ViewportGate | undefined;
  private readonly byRoot = new Map<Element, Owned[]>();
  private readonly visibleRoots = new Set<Element>();

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
    for (const m of mentions) {
      const block = blocks[m.block];
      if (!block) continue;
      const chosen = !m.id && m.key ? this.choices.get(m.key) : undefined;
      const id = m.id ?? (chosen !== undefined && m.candidates?.includes(chosen) ? chosen : undefined);
      const pm: Owned = {
        range: rangeOf(block, m.start, m.end),
        block,
        kind: this.kindOf(id),
        id,
        key: m.key,
        candidates: id ? undefined : m.candidates,
      };
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
      if (this.painted(pm)) this.paint(pm);
      added.push(pm);
    }
    return added;
  }

  /**
   * The reader picked `id` for an ambiguous form: every still-ambiguous mention of that form that
   * could name it takes it (and `first`, the mention the reader picked on, whatever its form).
   */
  choose(key: string | undefined, id: string, first?: PageMention): void {
    if (key) this.choices.set(key, id);
    for (const pm of this.list) {
      const matches = pm === first || (key !== undefined && pm.key === key && !pm.id && pm.candidates?.includes(id));
      if (!matches) continue;
      this.unpaint(pm);
      pm.id = id;
      pm.candidates = undefined;
      pm.kind = this.kindOf(id);
      if (this.painted(pm)) this.paint(pm);
    }
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

  at(node: Node, offset: number): PageMention | undefined {
    return this.index.at(node, offset);
  }

  show(): void {
    this.highlighter.show();
    this.personal.show();
  }

  hide(): void {
    this.highlighter.hide();
    this.personal.hide();
  }

  /**
   * Where a mention is painted: a name the reader tracks (or an ambiguous form that may be one)
   * says something about the reader, so it goes to the closed root; dataset names to the registry.
   */
  private painterFor(pm: PageMention): Highlighter | MarkLayer {
    const personal = pm.id ? isPersonal(pm.id) : (pm.candidates?.some(isPersonal) ?? false);
    return personal ? this.personal : this.highlighter;
  }

  private paint(pm: PageMention): void {
    this.painterFor(pm).add(pm.kind, pm.range);
  }

  private unpaint(pm: PageMention): void {
    this.painterFor(pm).remove(pm.kind, pm.range);
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
      if (visible) this.paint(pm);
      else this.unpaint(pm);
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
    this.personal.clear();
    this.entities.clear();
  }

  private kindOf(id: string | undefined): EntityType | 'ambiguous' {
    return id ? (this.entities.get(id)?.type ?? 'person') : 'ambiguous';
  }

  private removeWhere(drop: (pm: Owned) => boolean): void {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const pm = this.list[i]!;
      if (!drop(pm)) continue;
      this.list.splice(i, 1);
      this.index.remove(pm);
      this.unpaint(pm);
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
  }
}

const isPersonal = (id: string): boolean => id.startsWith(PERSONAL_PREFIX);
