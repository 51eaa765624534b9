// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardTarget } from './hit-test';
import { CLOSE_DELAY, HoverController, OPEN_DELAY, type HoverCard } from './hover';

/** A card that records what was opened and closed, standing in for the lazily loaded UI. */
function fakeCard() {
  const card = {
    current: undefined as CardTarget | undefined,
    opened: [] as CardTarget[],
    closes: 0,
    open(target: CardTarget) {
      card.current = target;
      card.opened.push(target);
    },
    close() {
      if (card.current) card.closes++;
      card.current = undefined;
    },
    preload: () => Promise.resolve(undefined as never),
    prefetched: [] as CardTarget[],
    prefetch(target: CardTarget) {
      card.prefetched.push(target);
    },
  };
  return card;
}

const name = { range: document.createRange(), noteId: 'n1' } as unknown as CardTarget;
let under: CardTarget | undefined;
let card: ReturnType<typeof fakeCard>;
let hover: HoverController;
let session: AbortController;

const move = (x: number) =>
  document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: 10, pointerType: 'mouse', bubbles: true }));
/** Advances fake time, running animation frames on the way (one hit test per frame). */
const wait = (ms: number) => vi.advanceTimersByTime(ms);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  under = undefined;
  card = fakeCard();
  hover = new HoverController(() => under, card as unknown as HoverCard);
  session = new AbortController();
  hover.start(session.signal);
});
afterEach(() => {
  session.abort();
  vi.useRealTimers();
});

describe('hover intent', () => {
  it('opens a card only after the pointer rests on a name for OPEN_DELAY', () => {
    under = name;
    move(5);
    wait(OPEN_DELAY - 50);
    expect(card.opened).toEqual([]);
    // The card's text is asked for as soon as the pointer rests, not when the card opens.
    expect(card.prefetched).toEqual([name]);
    wait(100);
    expect(card.opened).toEqual([name]);
  });

  it('does not open when the pointer moves on before the delay', () => {
    under = name;
    move(5);
    wait(OPEN_DELAY / 2);
    under = undefined;
    move(50);
    wait(OPEN_DELAY * 2);
    expect(card.opened).toEqual([]);
  });

  it('closes CLOSE_DELAY after the pointer leaves the name, and Escape closes at once', () => {
    under = name;
    move(5);
    wait(OPEN_DELAY + 20);
    under = undefined;
    move(80);
    wait(CLOSE_DELAY - 50);
    expect(card.current).toBe(name);
    wait(100);
    expect(card.current).toBeUndefined();
    under = name;
    move(5);
    wait(OPEN_DELAY + 20);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.current).toBeUndefined();
  });

  it('stops listening when the session aborts: nothing opens afterwards', () => {
    session.abort();
    under = name;
    move(5);
    wait(OPEN_DELAY * 2);
    expect(card.opened).toEqual([]);
  });

  it("follows the reader's card trigger: its delay, and only while the modifier key is held", () => {
    session.abort();
    let held = false;
    const trigger = { delay: () => 900, allowed: () => held };
    hover = new HoverController(() => under, card as unknown as HoverCard, trigger);
    session = new AbortController();
    hover.start(session.signal);
    under = name;
    move(5);
    wait(2000);
    expect(card.opened).toEqual([]);
    // The key goes down while the pointer rests on the name: the card opens after the trigger's delay.
    held = true;
    hover.poke();
    wait(850);
    expect(card.opened).toEqual([]);
    wait(100);
    expect(card.opened).toEqual([name]);
  });
});
