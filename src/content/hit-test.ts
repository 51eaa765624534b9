/**
 * What is under the pointer: a name, or else a noted passage (a name inside a noted passage wins).
 * Prefers highlightsFromPoint (no layout walk); else the caret position at the point, confirmed
 * against the range's boxes, because caret APIs snap to the nearest text even in a margin.
 * Cost: one hit test per animation frame at most (see hover.ts).
 */
import { highlightRangesAt } from './highlight-api';
import type { PageMention, PageMentions } from './mentions';
import type { NotedPassage, NotedPassages } from './passages';

export type CardTarget = PageMention | NotedPassage;

export const isPassage = (target: CardTarget): target is NotedPassage => 'noteId' in target;

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPosition | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') return doc.caretPositionFromPoint(x, y);
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function within(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export function targetAtPoint(mentions: PageMentions, passages: NotedPassages, x: number, y: number): CardTarget | undefined {
  const ranges = highlightRangesAt(x, y);
  if (ranges) {
    let passage: NotedPassage | undefined;
    for (const r of ranges) {
      const pm = mentions.forRange(r);
      if (pm) return pm;
      passage ??= passages.forRange(r);
    }
    if (passage) return passage;
  }
  const caret = caretAt(x, y);
  if (!caret || caret.offsetNode.nodeType !== Node.TEXT_NODE) return undefined;
  const { offsetNode: node, offset } = caret;
  // The caret sits between characters: the name may end just before it.
  const pick = <T>(at: (n: Node, o: number) => T | undefined) => at(node, offset) ?? (offset > 0 ? at(node, offset - 1) : undefined);
  const target: CardTarget | undefined = pick((n, o) => mentions.at(n, o)) ?? pick((n, o) => passages.at(n, o));
  return target && within(target.range, x, y) ? target : undefined;
}
