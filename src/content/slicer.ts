/**
 * Cuts long work into slices so no task of ours runs long: the work calls `checkpoint()` between
 * units (a block read, a batch of marks), and once the slice has used its budget the checkpoint
 * yields to the page (its input, rendering and scripts) before the next slice. A unit of work must
 * itself be small (bounded per block): the budget is checked between units, not inside one.
 *
 * The budget is per frame and shared by every loop of the content script (the page walk and the
 * painting of each detection answer run side by side): once our slices since the page's last frame
 * have used it, every loop waits until the page has drawn its next frame. A yield alone is not
 * enough: Firefox resumed one loop after another (scheduler.yield and zero timeouts alike) with no
 * frame drawn between them, so slices of 8 ms ran back to back for 60-130 ms, the stalls Dramatis
 * caused on the 2 MB page (docs/PERFORMANCE.md, Session 6).
 */
import { traceContent, traceSpan } from '../shared/trace';

export interface SliceClock {
  now(): number;
  /** Gives the page a turn; resolves when our work may go on. `used`: the ms the slice just ended took. */
  yield(used: number): Promise<void>;
  /** Our work already done since the page's last frame, by any loop (ms); the next slice gets what is left. */
  used?(): number;
  /** A slice ended without a yield (its loop finished, or waits for an answer): its time counts against the frame. */
  record?(used: number): void;
}

/** Gives the page's own tasks a turn. scheduler.yield keeps our place in the queue where it exists. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** 8 ms leaves half of a 60 Hz frame to the page and stays far under the 50 ms long-task line. */
export const SLICE_MS = 8;

/**
 * A frame that does not come within this long (a tab hidden while we waited, a page too busy to
 * draw) releases the waiting loops anyway, so the work always ends.
 */
const FRAME_WAIT_CAP_MS = 250;

/** What a FrameShare needs of the page (a fake in tests). */
export interface FrameSource {
  /** Whether the page draws frames now (a visible document): a hidden tab draws none. */
  drawing(): boolean;
  /** Resolves in a task after the page's next frame has been drawn (or after the cap). */
  nextFrame(): Promise<void>;
  /** Resolves in a task of its own (after the current task and its microtasks). */
  nextTask(): Promise<void>;
  /** Where no frame comes: a plain turn for the page's tasks. */
  yield(): Promise<void>;
}

/** A task of its own, without the clamping of nested zero timeouts. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resumes in a task of its own once the next frame is drawn: rAF runs before that frame's paint, the task after it. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void nextTask().then(resolve);
    };
    const timer = setTimeout(release, FRAME_WAIT_CAP_MS);
    requestAnimationFrame(release);
  });
}

/**
 * Firefox only. There the loops resumed one after another with no frame between them, and pacing
 * them by frames halved the 2 MB page's stalls; in Chromium, whose scheduler.yield gives rendering
 * its turn, the same pacing made long tasks after the page's first frame 19-28 against 3-4 (2 MB
 * page, same run at load 20; docs/PERFORMANCE.md, Session 6), so Chromium yields as before.
 */
export const PACED_BY_FRAMES = typeof navigator !== 'undefined' && /\bFirefox\//.test(navigator.userAgent);

const pageFrames: FrameSource = {
  drawing: () =>
    PACED_BY_FRAMES &&
    typeof requestAnimationFrame === 'function' &&
    typeof MessageChannel === 'function' &&
    document.visibilityState === 'visible',
  nextFrame: afterNextFrame,
  nextTask,
  yield: yieldToPage,
};

/**
 * One budget of our work per frame, shared by every loop: slices report what they took, and a
 * loop whose slice finds the budget used waits for the next frame. After a frame the waiting loops
 * are resumed one per task, in the order they came, each finding what the ones before it left
 * (resumed together, each would take a fresh budget in the same task). Where no frame comes (a
 * hidden tab) a plain yield, as before.
 */
export class FrameShare {
  private spent = 0;
  private readonly waiters: (() => void)[] = [];
  private frameWait: Promise<void> | undefined;
  private draining = false;
  /** Frames waited for (tests). */
  frames = 0;

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly source: FrameSource = pageFrames,
  ) {}

  used(): number {
    return this.spent;
  }

  /** Work done outside a yield: it counts until the next frame, which starts the budget afresh. */
  record(ms: number): void {
    this.spent += ms;
    if (this.source.drawing()) this.awaitFrame();
    else this.spent = 0;
  }

  yield(ms: number): Promise<void> {
    this.spent += ms;
    if (!this.source.drawing()) {
      this.spent = 0;
      return this.source.yield();
    }
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (this.spent >= this.budgetMs) this.awaitFrame();
      else void this.drain();
    });
  }

  /** The next frame, one wait for every loop; the budget starts afresh when it comes. */
  private awaitFrame(): void {
    if (!this.frameWait) traceContent('frame wait');
    this.frameWait ??= this.source.nextFrame().then(() => {
      traceContent('frame came');
      this.frames++;
      this.spent = 0;
      this.frameWait = undefined;
      void this.drain();
    });
  }

  /** Resumes waiting loops one per task while the frame's budget lasts; the rest wait for the next frame. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiters.length > 0) {
        // A task of the page's may come first; the loop resumed below runs its slice in that task.
        await this.source.nextTask();
        if (this.spent >= this.budgetMs && this.source.drawing()) {
          this.awaitFrame();
          return;
        }
        this.waiters.shift()!();
      }
    } finally {
      this.draining = false;
    }
  }
}

const pageShare = new FrameShare();

export const pageClock: SliceClock = {
  now: () => performance.now(),
  yield: (used) => pageShare.yield(used),
  used: () => pageShare.used(),
  record: (used) => pageShare.record(used),
};

export class Slicer {
  private sliceStart: number;
  /** Slices started so far (for tests and the bench). */
  slices = 1;
  /** What the work is, for the traced build's spans (src/shared/trace.ts). */
  label = 'slice';

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly clock: SliceClock = pageClock,
  ) {
    this.sliceStart = clock.now();
  }

  /** True when the current slice, with our other loops' work since the last frame, has used the budget. */
  get spent(): boolean {
    return this.clock.now() - this.sliceStart + (this.clock.used?.() ?? 0) >= this.budgetMs;
  }

  /** Between two units of work: yields to the page if the slice's budget is used up. */
  async checkpoint(): Promise<void> {
    if (!this.spent) return;
    traceSpan(this.label, this.sliceStart);
    await this.clock.yield(this.clock.now() - this.sliceStart);
    this.sliceStart = this.clock.now();
    this.slices++;
  }

  /**
   * The work is done, or waits on something else: the slice's time counts against the frame's
   * budget (and closes the traced build's span). Later units start a new slice.
   */
  end(): void {
    traceSpan(this.label, this.sliceStart);
    this.clock.record?.(this.clock.now() - this.sliceStart);
    this.sliceStart = this.clock.now();
  }
}
