/**
 * The page's text as one string, for passage notes: blocks joined by a blank line (as the CLI joins
 * them), with maps both ways between string offsets and DOM positions. Built only when the page has
 * notes or the reader selects text, in one extraction pass.
 */
import { extractBlocks, joinBlocks, locate, type DomNode } from '../core/extract';
import type { PageBlock } from './block-range';

export class PageTextMap {
  readonly text: string;
  private readonly starts: number[];
  private readonly where = new Map<Text, [block: number, node: number]>();

  constructor(readonly blocks: PageBlock[]) {
    ({ text: this.text, starts: this.starts } = joinBlocks(blocks.map((b) => b.text)));
    blocks.forEach((b, i) => b.nodes.forEach((n, j) => this.where.set(n, [i, j])));
  }

  static build(root: Node = document.body ?? document.documentElement): PageTextMap {
    return new PageTextMap(extractBlocks<Text>(root as unknown as DomNode) as PageBlock[]);
  }

  /** The string offset of a DOM position, or undefined when it is not in page text. */
  offsetOf(node: Node, offset: number): number | undefined {
    if (node.nodeType !== Node.TEXT_NODE) {
      // An element boundary: use the first text node at or after it.
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      const child = node.childNodes[offset];
      walker.currentNode = child ?? node;
      const text = (child?.nodeType === Node.TEXT_NODE ? child : walker.nextNode()) as Text | null;
      return text ? this.offsetOf(text, 0) : undefined;
    }
    const at = this.where.get(node as Text);
    if (!at) return undefined;
    const [b, n] = at;
    return this.starts[b]! + this.blocks[b]!.starts[n]! + Math.min(offset, (node as Text).data.length);
  }

  /** A DOM range for [start, end) of the string, across blocks if need be. */
  rangeAt(start: number, end: number): Range | undefined {
    const a = this.position(start);
    const z = this.position(Math.max(start, end - 1));
    if (!a || !z) return undefined;
    const range = document.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(z[0], Math.min(z[1] + 1, z[0].data.length));
    return range;
  }

  private blockIndex(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private position(offset: number): [Text, number] | undefined {
    if (this.blocks.length === 0) return undefined;
    const b = this.blockIndex(offset);
    const block = this.blocks[b]!;
    const inBlock = Math.min(Math.max(0, offset - this.starts[b]!), Math.max(0, block.text.length - 1));
    const [n, o] = locate(block, inBlock);
    return [block.nodes[n]!, o];
  }
}
