/**
 * A per-sender budget for costly requests (detection): at most maxCalls in flight and maxCost
 * characters queued per key (a tab), so one tab, hostile or not, cannot keep the background busy
 * for everyone. A request over budget is refused at once with the code 'busy' (its sender may
 * retry once its earlier requests are answered), never queued without bound.
 */
export class InFlightBudget {
  private readonly held = new Map<string, { calls: number; cost: number }>();

  constructor(
    readonly maxCalls: number,
    readonly maxCost: number,
  ) {}

  /** Takes room for one request of this cost; false when the key is already at its limit. */
  take(key: string, cost: number): boolean {
    const h = this.held.get(key) ?? { calls: 0, cost: 0 };
    // A single request under maxCost always fits when nothing else is in flight.
    if (h.calls >= this.maxCalls || (h.calls > 0 && h.cost + cost > this.maxCost) || cost > this.maxCost) return false;
    this.held.set(key, { calls: h.calls + 1, cost: h.cost + cost });
    return true;
  }

  release(key: string, cost: number): void {
    const h = this.held.get(key);
    if (!h) return;
    if (h.calls <= 1) this.held.delete(key);
    else this.held.set(key, { calls: h.calls - 1, cost: h.cost - cost });
  }

  /** Runs work inside the budget, or throws what refuse() makes when the key has no room. */
  async run<T>(key: string, cost: number, work: () => Promise<T>, refuse: () => Error): Promise<T> {
    if (!this.take(key, cost)) throw refuse();
    try {
      return await work();
    } finally {
      this.release(key, cost);
    }
  }
}
