import { describe, expect, it } from 'vitest';
import { extractBlocks, locate, type Block, type DomText } from './extract';

/** A block of the given text nodes, built as extraction builds it (prefix sums of node lengths). */
function blockOf(parts: string[]): Block {
  const nodes = parts.map(
    (data) => ({ nodeType: 3, nodeName: '#text', childNodes: [], parentNode: null, firstChild: null, nextSibling: null, data }) as DomText,
  );
  const starts: number[] = [];
  let text = '';
  for (const p of parts) {
    starts.push(text.length);
    text += p;
  }
  return { text, nodes, starts, root: nodes[0]! };
}

/** The answer by walking every node: what locate must agree with. */
function walk(block: Block, offset: number): [number, number] {
  let at = 0;
  for (let i = 0; i < block.nodes.length; i++) {
    const len = block.nodes[i]!.data.length;
    if (offset < at + len || i === block.nodes.length - 1) return [i, offset - at];
    at += len;
  }
  return [0, offset];
}

describe('locate: text-node lookup by offset (binary search over the prefix sums)', () => {
  it('maps every offset of 15,000 one-character nodes to its node', () => {
    const block = blockOf(Array.from({ length: 15_000 }, (_, i) => String.fromCharCode(97 + (i % 26))));
    let wrong = 0;
    for (let offset = 0; offset < 15_000; offset++) {
      const [node, inNode] = locate(block, offset);
      if (node !== offset || inNode !== 0) wrong++;
    }
    expect(wrong).toBe(0);
    expect(locate(block, 7_777)).toEqual([7_777, 0]);
    expect(locate(block, 14_999)).toEqual([14_999, 0]);
  });

  it('agrees with a node-by-node walk over nodes of mixed lengths', () => {
    const parts: string[] = [];
    for (let i = 0; i < 500; i++) parts.push('x'.repeat(1 + ((i * 37) % 11)));
    const block = blockOf(parts);
    const offsets = Array.from({ length: block.text.length }, (_, i) => i);
    expect(offsets.map((o) => locate(block, o))).toEqual(offsets.map((o) => walk(block, o)));
  });

  it('handles one 5 MB node and the first and last offsets of a block', () => {
    const big = blockOf(['a'.repeat(5_000_000)]);
    expect(locate(big, 4_999_999)).toEqual([0, 4_999_999]);
    const three = blockOf(['ab', 'c', 'de']);
    expect(locate(three, 0)).toEqual([0, 0]);
    expect(locate(three, 2)).toEqual([1, 0]);
    expect(locate(three, 4)).toEqual([2, 1]);
  });

  it('is what extraction builds: starts are the prefix sums of the node lengths', () => {
    const texts = ['Leon ', 'Trot', 'sky', ' wrote'];
    const p = {
      nodeType: 1,
      nodeName: 'P',
      childNodes: [] as unknown[],
      parentNode: null,
      firstChild: null as unknown,
      nextSibling: null,
      getAttribute: () => null,
    };
    const children = texts.map((data) => ({
      nodeType: 3,
      nodeName: '#text',
      childNodes: [],
      parentNode: p,
      firstChild: null,
      nextSibling: null as unknown,
      data,
    }));
    children.forEach((c, i) => (c.nextSibling = children[i + 1] ?? null));
    p.childNodes = children;
    p.firstChild = children[0];
    const [block] = extractBlocks(p as never);
    expect(block!.starts).toEqual([0, 5, 9, 12]);
    expect(locate(block!, 10)).toEqual([2, 1]);
  });
});
