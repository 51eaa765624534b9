/**
 * Passages the reader annotated (and passages a reference pack's author annotated), marked on the
 * page and opening their note on hover. Kept apart from names: a passage belongs to a note, not to
 * the dataset, and its range may cross blocks. Marked inside the closed root (mark-layer.ts), never
 * in the page-readable highlight registry; a pack's passages in a look of their own.
 */
import { MarkLayer } from './mark-layer';
import { RangeIndex } from './range-index';

export interface NotedPassage {
  readonly noteId: string;
  readonly range: Range;
  /** True for a reference pack's note (read-only, not the reader's): its own mark and card. */
  readonly fromPack?: boolean;
}

export class NotedPassages {
  private readonly byNote = new Map<string, NotedPassage>();
  private readonly highlighter = new MarkLayer('marks-note');
  private readonly index = new RangeIndex<NotedPassage>();

  /** Highlights a note's passage, replacing any earlier placement of the same note. */
  add(noteId: string, range: Range, fromPack = false): NotedPassage {
    this.remove(noteId);
    const passage: NotedPassage = fromPack ? { noteId, range, fromPack } : { noteId, range };
    this.byNote.set(noteId, passage);
    this.index.add(passage, textNodesIn(range));
    this.highlighter.add(fromPack ? 'pack-note' : 'note', range);
    return passage;
  }

  remove(noteId: string): void {
    const passage = this.byNote.get(noteId);
    if (!passage) return;
    this.byNote.delete(noteId);
    this.index.remove(passage);
    this.highlighter.remove(passage.fromPack ? 'pack-note' : 'note', passage.range);
  }

  clear(): void {
    for (const id of [...this.byNote.keys()]) this.remove(id);
    this.highlighter.clear();
  }

  forRange(range: AbstractRange): NotedPassage | undefined {
    return this.index.forRange(range);
  }

  at(node: Node, offset: number): NotedPassage | undefined {
    return this.index.at(node, offset);
  }

  show(): void {
    this.highlighter.show();
  }

  hide(): void {
    this.highlighter.hide();
  }
}

/** The text nodes a range touches. Passages are few and short, so a walk under their common ancestor is cheap. */
function textNodesIn(range: Range): Node[] {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE) return [range.commonAncestorContainer];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n);
  return nodes.length > 0 ? nodes : [range.startContainer];
}
