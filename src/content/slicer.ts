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

/**
 * A frame should come every 16 ms; when the one we asked for at a yield has not come after this
 * long, our slices are starving the page's rendering: scheduler.yield resumes us ahead of the
 * page's other work, rendering included, so a long run of slices (reading a 2 MB page takes seconds)
 * left the page without a frame for 100-130 ms at a time in Chromium, although no task was long.
 */
const FRAME_DUE_MS = 34;
let frameAskedAt = 0;
let nextFrame: Promise<void> | undefined;

/** Resolves just after the next animation frame is drawn (one shared request, however many ask). */
function afterNextFrame(): Promise<void> {
  if (!nextFrame) {
    frameAskedAt = performance.now();
    nextFrame = new Promise((resolve) =>
      requestAnimationFrame(() => {
        nextFrame = undefined;
        setTimeout(resolve, 0);
      }),
    );
  }
  return nextFrame;
}

/**
 * Gives the page's own tasks a turn. scheduler.yield keeps our place in the queue where it exists;
 * but once a frame is overdue we wait for it, so the page keeps drawing while we work. Hidden tabs
 * draw no frames: there we only yield.
 */
export function yieldToPage(): Promise<void> {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    const frame = afterNextFrame();
    if (performance.now() - frameAskedAt > FRAME_DUE_MS) return frame;
  }
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
