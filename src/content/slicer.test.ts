import { describe, expect, it } from 'vitest';
import { Slicer, type SliceClock } from './slicer';

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
