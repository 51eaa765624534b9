/**
 * Why a name was linked, as it crosses the wire: one short code and an optional argument
 * ("q:FBI", "e:1939"), so a page of ~400 mentions pays a few bytes each. A linked mention without
 * one was linked through its own name, which no other entity has (the common case, so it costs
 * nothing). The card turns the code into words (src/content/ui/WhyLine.tsx).
 */

export const WHY = {
  /** The reader's correction (or pick among namesakes). */
  correction: 'c',
  /** Its own name, and no other entity in the dataset has it. */
  ownName: 'f',
  /** Its full name is on this page (a surname or first name leaning on it). */
  namedOnPage: 'n',
  /** A cue word near it; argument: the cue as written ("FBI"). */
  cue: 'q',
  /** A related entity on the page; argument: its name. */
  related: 'r',
  /** The page's years fit its life; argument: the page's median year. */
  era: 'e',
  /** A title before it ("General"). */
  title: 't',
  /** The same name was linked to it elsewhere on this page. */
  sameSense: 's',
  /** A close spelling of a name linked on this page. */
  misspelling: 'm',
  /** The likeliest of its namesakes, on small evidence. */
  likeliest: 'l',
} as const;

export type WhyCode = (typeof WHY)[keyof typeof WHY];
const CODES = new Set<string>(Object.values(WHY));

/** Arguments are bounded so a hostile page cannot make a mention's wire form grow. */
const MAX_ARG = 60;

export function encodeWhy(code: WhyCode, arg?: string | number): string {
  if (arg === undefined || arg === '') return code;
  return `${code}:${String(arg).replace(/\s+/g, ' ').slice(0, MAX_ARG)}`;
}

/** The code and argument of a `why`; undefined for anything not made by encodeWhy. */
export function decodeWhy(why: string): { code: WhyCode; arg?: string } | undefined {
  const code = why.charAt(0);
  if (!CODES.has(code)) return undefined;
  if (why.length === 1) return { code: code as WhyCode };
  if (why.charAt(1) !== ':') return undefined;
  return { code: code as WhyCode, arg: why.slice(2) };
}
