/** Page blocks from HTML set into the test document, as the content script reads them. */
import { extractBlocks, type DomNode } from '../../core/extract';
import type { PageBlock } from '../block-range';

export function blocksOf(html: string): PageBlock[] {
  document.body.innerHTML = html; // test fixture markup only, never page data
  return extractBlocks<Text>(document.body as unknown as DomNode) as PageBlock[];
}
