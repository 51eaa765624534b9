/**
 * Which mention is under the pointer. Prefers CSS.highlights.highlightsFromPoint (no layout walk);
 * else the caret position at the point, confirmed against the range's boxes, because caret APIs
 * snap to the nearest text even when the pointer is in a margin. Cost: one hit test per frame.
 */
import type { PageMention, PageMentions } from './mentions';

interface CaretPosition { offsetNode: Node; offset: number }
type HighlightHit = { highlight?: unknown; ranges?: AbstractRange[] } | unknown;

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

export function mentionAtPoint(mentions: PageMentions, x: number, y: number): PageMention | undefined {
  const registry = (globalThis.CSS as unknown as { highlights?: { highlightsFromPoint?: (x: number, y: number) => HighlightHit[] } })?.highlights;
  if (registry && typeof registry.highlightsFromPoint === 'function') {
    let passage: PageMention | undefined;
    for (const hit of registry.highlightsFromPoint(x, y)) {
      const ranges = (hit as { ranges?: AbstractRange[] }).ranges;
      for (const r of ranges ?? []) {
        const pm = mentions.forRange(r);
        if (pm && pm.kind !== 'note') return pm;
        passage ??= pm;
      }
    }
    if (passage) return passage;
    // Older shapes return Highlight objects without ranges: fall through to the caret path.
  }
  const caret = caretAt(x, y);
  if (!caret || caret.offsetNode.nodeType !== Node.TEXT_NODE) return undefined;
  const pm = mentions.at(caret.offsetNode, caret.offset) ?? (caret.offset > 0 ? mentions.at(caret.offsetNode, caret.offset - 1) : undefined);
  return pm && within(pm.range, x, y) ? pm : undefined;
}
