// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotator } from './annotator';
import { LiveUpdates, type LiveTimers } from './live';
import type { PageMentions } from './mentions';

/** Timers that run only when the test says so. */
function fakeTimers(): LiveTimers & { t: number; queue: Map<number, { at: number; run: () => void }>; advance(ms: number): void } {
  let next = 1;
  const timers = {
    t: 0,
    queue: new Map<number, { at: number; run: () => void }>(),
    now: () => timers.t,
    setTimeout: (run: () => void, ms: number) => {
      timers.queue.set(next, { at: timers.t + ms, run });
      return next++;
    },
    clearTimeout: (id: number) => void timers.queue.delete(id),
    advance(ms: number) {
      timers.t += ms;
      for (const [id, job] of [...timers.queue]) {
        if (job.at > timers.t) continue;
        timers.queue.delete(id);
        job.run();
      }
    },
  };
  return timers;
}

/** An annotator that records the roots of each pass; each pass ends when the test resolves it. */
function fakeAnnotator() {
  const passes: Node[][] = [];
  const finish: (() => void)[] = [];
  const annotator = {
    annotate: (roots: Node | readonly Node[]) => {
      passes.push([...(Array.isArray(roots) ? roots : [roots])] as Node[]);
      return new Promise<void>((resolve) => finish.push(resolve));
    },
  };
  return { annotator: annotator as unknown as Annotator, passes, finish };
}

const mentions = { removeDetached: () => undefined, removeWithin: () => undefined } as unknown as PageMentions;
const flushMicrotasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const added = (target: Node, ...nodes: Node[]) =>
  ({ type: 'childList', target, addedNodes: nodes, removedNodes: [] }) as unknown as MutationRecord;
const removed = (target: Node, ...nodes: Node[]) =>
  ({ type: 'childList', target, addedNodes: [], removedNodes: nodes }) as unknown as MutationRecord;
const paragraph = (text: string): HTMLParagraphElement => {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p;
};

let ours: WeakSet<Node>;
let live: LiveUpdates;
let timers: ReturnType<typeof fakeTimers>;
let fake: ReturnType<typeof fakeAnnotator>;

beforeEach(() => {
  document.body.innerHTML = '<p id="first">Leon Trotsky</p>';
  ours = new WeakSet();
  timers = fakeTimers();
  fake = fakeAnnotator();
  live = new LiveUpdates(mentions, fake.annotator, (n) => ours.has(n), timers);
});
afterEach(() => live.stop());

describe('LiveUpdates', () => {
  it('does not treat our UI host coming and going as a page change: opening and closing a card reads nothing', () => {
    const host = document.createElement('div');
    ours.add(host);
    document.documentElement.append(host);
    live.collect([added(document.documentElement, host)]);
    host.remove();
    live.collect([removed(document.documentElement, host)]);
    timers.advance(5000);
    expect(fake.passes).toEqual([]);
    expect(timers.queue.size).toBe(0);
  });

  it('still reads a page change that arrives with the card closing', () => {
    const host = document.createElement('div');
    ours.add(host);
    const p = paragraph('Diego Rivera');
    live.collect([removed(document.documentElement, host), added(document.body, p)]);
    timers.advance(250);
    expect(fake.passes).toEqual([[p]]);
  });

  it('coalesces many changes to one block into one read, and many blocks into one pass, newest first', () => {
    const a = paragraph('a');
    const b = paragraph('b');
    const text = a.firstChild!;
    for (let i = 0; i < 50; i++) live.collect([{ type: 'characterData', target: text } as unknown as MutationRecord]);
    live.collect([added(document.body, b)]);
    timers.advance(250);
    expect(fake.passes).toEqual([[b, a]]);
  });

  it('drops blocks that left the page before their pass, and inner blocks of a block read whole', () => {
    const gone = paragraph('gone');
    const section = document.createElement('section');
    section.innerHTML = '<p>inner</p>';
    document.body.append(section);
    live.collect([added(document.body, gone), added(section, section.firstChild!), added(document.body, section)]);
    gone.remove();
    timers.advance(250);
    expect(fake.passes).toEqual([[section]]);
  });

  it('never queues passes behind a slow one: changes during a pass are read together right after it', async () => {
    const first = paragraph('1');
    live.collect([added(document.body, first)]);
    timers.advance(250);
    expect(fake.passes).toHaveLength(1);
    // The page keeps growing while the first pass works.
    const later = Array.from({ length: 30 }, (_, i) => paragraph(`later ${i}`));
    for (const p of later) live.collect([added(document.body, p)]);
    timers.advance(5000);
    expect(fake.passes).toHaveLength(1);
    fake.finish[0]!();
    await flushMicrotasks();
    // One more pass, with all thirty, newest first, and no timer wait.
    expect(fake.passes).toHaveLength(2);
    expect(fake.passes[1]).toEqual([...later].reverse());
    fake.finish[1]!();
    await flushMicrotasks();
    expect(fake.passes).toHaveLength(2);
    expect(live.passes).toBe(2);
  });

  it('waits at most a second for a page that mutates without pause', () => {
    for (let t = 0; t < 900; t += 100) {
      live.collect([added(document.body, paragraph(String(t)))]);
      timers.advance(100);
    }
    expect(fake.passes).toHaveLength(0);
    timers.advance(100);
    expect(fake.passes).toHaveLength(1);
  });
});
