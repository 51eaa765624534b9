import { describe, expect, it } from 'vitest';
import { FrameShare, Slicer, type FrameSource, type SliceClock } from './slicer';

/** A clock that moves only when told: each unit of work costs `cost` ms, each yield is recorded. */
function fakeClock(): SliceClock & { t: number; yields: number[] } {
  const clock = {
    t: 0,
    yields: [] as number[],
    now: () => clock.t,
    yield: () => {
      clock.yields.push(clock.t);
      return Promise.resolve();
    },
  };
  return clock;
}

/** Runs `units` units of `cost` ms with a checkpoint after each; returns the longest slice (ms). */
async function run(slicer: Slicer, clock: ReturnType<typeof fakeClock>, units: number, cost: number): Promise<number> {
  let sliceStart = 0;
  let longest = 0;
  for (let i = 0; i < units; i++) {
    clock.t += cost;
    longest = Math.max(longest, clock.t - sliceStart);
    const before = clock.yields.length;
    await slicer.checkpoint();
    if (clock.yields.length > before) sliceStart = clock.t;
  }
  return longest;
}

describe('Slicer', () => {
  it('yields once the slice has used its budget, and not before', async () => {
    const clock = fakeClock();
    const slicer = new Slicer(8, clock);
    const longest = await run(slicer, clock, 100, 1);
    // 100 units of 1 ms in slices of 8 ms: a yield every 8 units.
    expect(clock.yields).toHaveLength(12);
    expect(clock.yields.slice(0, 3)).toEqual([8, 16, 24]);
    expect(longest).toBe(8);
    expect(slicer.slices).toBe(13);
  });

  it('never yields for work that fits in one slice', async () => {
    const clock = fakeClock();
    const slicer = new Slicer(8, clock);
    await run(slicer, clock, 7, 1);
    expect(clock.yields).toEqual([]);
  });

  it('bounds a slice by the budget plus one unit, so units must stay small', async () => {
    const clock = fakeClock();
    const slicer = new Slicer(8, clock);
    const longest = await run(slicer, clock, 20, 3);
    // 3 ms units: 9 ms slices (the check comes between units), never more.
    expect(longest).toBe(9);
    expect(clock.yields.length).toBeGreaterThanOrEqual(6);
  });

  it('measures each slice from the end of the last yield, not from the start of the work', async () => {
    const clock = fakeClock();
    const slicer = new Slicer(8, clock);
    clock.t = 100; // time spent before the first unit (the slicer was made at 0) counts against slice one
    await slicer.checkpoint();
    expect(clock.yields).toEqual([100]);
    clock.t += 7;
    await slicer.checkpoint();
    expect(clock.yields).toEqual([100]);
  });
});

/** Frames drawn only when the test says so; tasks are real zero timeouts (after the microtasks of the one before). */
function fakeFrames(drawing = true): FrameSource & { draw(): void; waiting: number } {
  let pending: (() => void)[] = [];
  const frames = {
    waiting: 0,
    drawing: () => drawing,
    nextFrame: () =>
      new Promise<void>((resolve) => {
        frames.waiting++;
        pending.push(resolve);
      }),
    nextTask: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    yield: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    draw: () => {
      const due = pending;
      pending = [];
      for (const resolve of due) resolve();
    },
  };
  return frames;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('FrameShare', () => {
  /** Loops of `units` units of `cost` ms each, sharing one budget; returns the work done between frames. */
  async function shared(loops: number, units: number, cost: number, frames: ReturnType<typeof fakeFrames>) {
    const share = new FrameShare(8, frames);
    let t = 0;
    let sinceFrame = 0;
    const clock: SliceClock = {
      now: () => t,
      yield: (used) => share.yield(used),
      used: () => share.used(),
      record: (used) => share.record(used),
    };
    const work = async () => {
      const slicer = new Slicer(8, clock);
      for (let i = 0; i < units; i++) {
        t += cost;
        sinceFrame += cost;
        await slicer.checkpoint();
      }
      slicer.end();
    };
    let done = 0;
    const all = Promise.all(Array.from({ length: loops }, () => work().then(() => done++)));
    const perFrame: number[] = [];
    for (let guard = 0; done < loops && guard < 10_000; guard++) {
      for (let i = 0; i < 5; i++) await tick();
      perFrame.push(sinceFrame);
      sinceFrame = 0;
      frames.draw();
    }
    await all;
    return { perFrame, share };
  }

  it('runs at most one budget of work (plus one unit) between two frames, however many loops share it', async () => {
    const { perFrame, share } = await shared(3, 40, 3, fakeFrames());
    // 3 loops x 40 units x 3 ms = 360 ms of work, at most 8 ms + one 3 ms unit per frame once under
    // way. Loops started in one task interleave their first slices (each counts the others' time as
    // its own, so no more than 8 ms of wall time each): the first window holds at most 18 ms.
    expect(perFrame.reduce((a, b) => a + b, 0)).toBe(360);
    expect(perFrame[0]).toBeLessThanOrEqual(18);
    expect(Math.max(...perFrame.slice(1))).toBeLessThanOrEqual(11);
    expect(share.frames).toBeGreaterThanOrEqual(30);
  });

  it('keeps the bound with units of 5 ms, and every loop finishes', async () => {
    const frames = fakeFrames();
    const { perFrame } = await shared(2, 10, 5, frames);
    expect(perFrame.reduce((a, b) => a + b, 0)).toBe(100);
    // One 5 ms unit past the budget at most, after the first window (see above).
    expect(Math.max(...perFrame.slice(1))).toBeLessThanOrEqual(13);
  });

  it('waits for no frame where none is drawn (a hidden tab)', async () => {
    const frames = fakeFrames(false);
    const share = new FrameShare(8, frames);
    for (let i = 0; i < 5; i++) await share.yield(20);
    expect(frames.waiting).toBe(0);
    expect(share.frames).toBe(0);
  });
});
