/**
 * Finds what is painted at a DOM position: items (names or noted passages) indexed by the text nodes
 * their ranges touch, and by the range itself for highlightsFromPoint. Memory: one list entry per
 * touched text node per item.
 */
export interface Ranged {
  readonly range: Range;
}

export class RangeIndex<T extends Ranged> {
  private readonly byNode = new Map<Node, T[]>();
  private readonly byRange = new WeakMap<AbstractRange, T>();
  private readonly nodesOf = new WeakMap<T, readonly Node[]>();

  /** Indexes item under `nodes`, the text nodes its range touches (the caller knows them). */
  add(item: T, nodes: readonly Node[]): void {
    this.byRange.set(item.range, item);
    for (const node of nodes) {
      let list = this.byNode.get(node);
      if (!list) this.byNode.set(node, (list = []));
      list.push(item);
    }
    this.nodesOf.set(item, nodes);
  }

  remove(item: T): void {
    for (const node of this.nodesOf.get(item) ?? []) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const at = list.indexOf(item);
      if (at !== -1) list.splice(at, 1);
      if (list.length === 0) this.byNode.delete(node);
    }
    this.nodesOf.delete(item);
  }

  clear(): void {
    this.byNode.clear();
  }

  forRange(range: AbstractRange): T | undefined {
    return this.byRange.get(range);
  }

  /** The item whose range holds the caret position, if any. */
  at(node: Node, offset: number): T | undefined {
    for (const item of this.byNode.get(node) ?? []) {
      if (item.range.comparePoint(node, offset) === 0) return item;
    }
    return undefined;
  }
}
