/** The mentions shown on this page, with their DOM ranges and a reverse index for hit-testing. */
import { isCardEntity, type CardEntity, type MatchEntity } from '../core/index/format';
import type { Mention } from '../core/match/resolve';
import { Highlighter, type HighlightKind } from './highlights';
import { rangeOf, type PageBlock } from './page-text';

export interface PageMention {
  id?: string;
  candidates?: string[];
  /** The form's key, for remembering the reader's choice when ambiguous. */
  key?: string;
  range: Range;
  /** Which highlight paints it; changes when the reader resolves an ambiguous name. */
  kind: HighlightKind;
  /** Set for a passage the reader annotated: the note's id. */
  noteId?: string;
  block: PageBlock;
}

export class PageMentions {
  readonly all: PageMention[] = [];
  /** Entities on the page: full card records, or names and types until the card texts arrive. */
  readonly entities = new Map<string, CardEntity | MatchEntity>();
  readonly highlighter = new Highlighter();
  private readonly byNode = new Map<Node, PageMention[]>();
  private readonly byRange = new WeakMap<AbstractRange, PageMention>();
  /** The text nodes each mention is indexed under, so forgetting it leaves nothing behind. */
  private readonly nodesOf = new WeakMap<PageMention, Node[]>();

  /** Adds resolved mentions for the given blocks (indices in mentions refer to blocks). */
  add(blocks: readonly PageBlock[], mentions: readonly Mention[], entities: Record<string, CardEntity | MatchEntity>): PageMention[] {
    for (const [id, e] of Object.entries(entities)) {
      const known = this.entities.get(id);
      if (!known || !isCardEntity(known)) this.entities.set(id, e);
    }
    const added: PageMention[] = [];
    for (const m of mentions) {
      const block = blocks[m.block];
      if (!block) continue;
      const range = rangeOf(block, m.start, m.end);
      const kind: HighlightKind = m.id ? this.entities.get(m.id)?.type ?? 'person' : 'ambiguous';
      const pm: PageMention = { id: m.id, candidates: m.candidates, key: m.key, range, kind, block };
      this.register(pm, block.nodes);
      added.push(pm);
    }
    return added;
  }

  /** Removes every mention whose block lies inside root (before root's text is detected again). */
  removeWithin(root: Node): void {
    for (let i = this.all.length - 1; i >= 0; i--) {
      const pm = this.all[i]!;
      if (!root.contains(pm.block.root as unknown as Node) && !pm.block.nodes.some((n) => root.contains(n))) continue;
      this.all.splice(i, 1);
      this.forget(pm);
    }
  }

  /** Records a mention, indexes the text nodes its range touches for hit-testing, and paints it. */
  private register(pm: PageMention, nodes: readonly Node[]): void {
    this.all.push(pm);
    this.byRange.set(pm.range, pm);
    const indexed: Node[] = [];
    for (const node of nodes) {
      if (!pm.range.intersectsNode(node)) continue;
      let list = this.byNode.get(node);
      if (!list) this.byNode.set(node, (list = []));
      list.push(pm);
      indexed.push(node);
    }
    this.nodesOf.set(pm, indexed);
    this.highlighter.add(pm.kind, pm.range);
  }

  /** Forgets mentions whose text left the page (removed comments, replaced views). */
  removeDetached(): void {
    for (let i = this.all.length - 1; i >= 0; i--) {
      const pm = this.all[i]!;
      if (pm.block.nodes.every((n) => n.isConnected)) continue;
      this.all.splice(i, 1);
      this.forget(pm);
    }
  }

  private forget(pm: PageMention): void {
    this.highlighter.remove(pm.kind, pm.range);
    for (const n of this.nodesOf.get(pm) ?? pm.block.nodes) {
      const list = this.byNode.get(n);
      if (!list) continue;
      const at = list.indexOf(pm);
      if (at !== -1) list.splice(at, 1);
      if (list.length === 0) this.byNode.delete(n);
    }
  }

  forRange(range: AbstractRange): PageMention | undefined {
    return this.byRange.get(range);
  }

  /** The mention whose range holds the caret position; a name wins over a noted passage around it. */
  at(node: Node, offset: number): PageMention | undefined {
    let passage: PageMention | undefined;
    for (const pm of this.byNode.get(node) ?? []) {
      if (pm.range.comparePoint(node, offset) !== 0) continue;
      if (pm.kind !== 'note') return pm;
      passage ??= pm;
    }
    return passage;
  }

  /** Adds a noted passage: its own highlight, and a card showing the note on hover. */
  addPassage(noteId: string, range: Range, block: PageBlock): PageMention {
    const pm: PageMention = { noteId, range, kind: 'note', block };
    // A passage may run across blocks: index every text node it touches, not just its first block's.
    const nodes: Node[] = [];
    const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    if (nodes.length === 0) nodes.push(range.startContainer);
    this.register(pm, nodes);
    return pm;
  }

  removePassage(noteId: string): void {
    for (let i = this.all.length - 1; i >= 0; i--) {
      const pm = this.all[i]!;
      if (pm.noteId !== noteId) continue;
      this.all.splice(i, 1);
      this.forget(pm);
    }
  }
}
