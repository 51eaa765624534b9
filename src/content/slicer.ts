/**
 * Cuts long work into slices so no task of ours runs long: the work calls `checkpoint()` between
 * units (a block read, a batch of marks), and once the slice has used its budget the checkpoint
 * yields to the page (its input, rendering and scripts) before the next slice. A unit of work must
 * itself be small (bounded per block): the budget is checked between units, not inside one.
 */

export interface SliceClock {
  now(): number;
  /** Gives the page a turn; resolves when our work may go on. */
  yield(): Promise<void>;
}

/** Gives the page's own tasks a turn. scheduler.yield keeps our place in the queue where it exists. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const pageClock: SliceClock = { now: () => performance.now(), yield: yieldToPage };

/** 8 ms leaves half of a 60 Hz frame to the page and stays far under the 50 ms long-task line. */
export const SLICE_MS = 8;

export class Slicer {
  private sliceStart: number;
  /** Slices started so far (for tests and the bench). */
  slices = 1;

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly clock: SliceClock = pageClock,
  ) {
    this.sliceStart = clock.now();
  }

  /** True when the current slice has used its budget. */
  get spent(): boolean {
    return this.clock.now() - this.sliceStart >= this.budgetMs;
  }

  /** Between two units of work: yields to the page if the slice's budget is used up. */
  async checkpoint(): Promise<void> {
    if (!this.spent) return;
    await this.clock.yield();
    this.sliceStart = this.clock.now();
    this.slices++;
  }
}
