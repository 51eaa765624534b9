/** A DOM Range for a span of a block's text (blocks come from the shared extraction in src/core/extract.ts). */
import { locate, type Block } from '../core/extract';

export type PageBlock = Block<Text>;

/** A DOM Range over [start, end) of a block's text, across its text nodes. */
export function rangeOf(block: PageBlock, start: number, end: number): Range {
  const [si, so] = locate(block, start);
  // The end maps into the node that holds the last character, so the range never starts a new node.
  const [ei, eo] = locate(block, Math.max(start, end - 1));
  const range = document.createRange();
  range.setStart(block.nodes[si]!, so);
  range.setEnd(block.nodes[ei]!, eo + 1);
  return range;
}
