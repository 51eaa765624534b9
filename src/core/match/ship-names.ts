/**
 * Ships are named after places, people and battles: "two steam frigates, the Susquehanna and the
 * Mississippi", "the frigate Constitution". After a word for a ship, such a name is the ship's, so
 * the river, the state or the town of that name is the wrong card; only a ship the dataset holds
 * ("USS Maine" for "the battleship Maine") may take it. Cost: at most LOOK_BACK key reads per
 * candidate preceded by "the" or a ship word; nothing otherwise.
 */
import type { TokenScan } from '../text/scan';
import type { Candidate } from './matcher';

/** Words for a ship, singular and plural, as lower-case token keys ("flagship" is left out: mostly a figure of speech). */
const SHIP_WORDS = new Set(
  [
    'ship',
    'steamship',
    'warship',
    'battleship',
    'frigate',
    'sloop',
    'steamer',
    'cruiser',
    'destroyer',
    'schooner',
    'brig',
    'brigantine',
    'gunboat',
    'ironclad',
    'corvette',
    'galleon',
    'submarine',
    'vessel',
    'liner',
    'clipper',
    'privateer',
  ].flatMap((w) => [w, `${w}s`]),
);

/** How far back (in tokens, within the sentence) a ship word still governs a list of "the X" names. */
const LOOK_BACK = 10;

/** A ship's own record: "USS Maine", "HMS Victory". */
const SHIP_PREFIX = /^(?:USS|HMS|SMS|RMS|HMAS|HMCS|HMNZS|SS|USRC|CSS|IJN)\s/;

/** The entity's name marks it as a ship. */
export function isShipName(name: string): boolean {
  return SHIP_PREFIX.test(name);
}

/**
 * The candidate is a ship's name: right after a ship word ("the frigate Constitution"), or as "the X"
 * in a list that a ship word opens within the same sentence ("frigates, the Susquehanna and the
 * Mississippi"; "two sloops-of-war, the Plymouth"). "the" must follow a comma, a colon, "and", "or"
 * or the ship word itself, so "sailed up the Mississippi" keeps the river.
 */
export function shipNameAt(tokens: TokenScan, c: Candidate): boolean {
  const prev = c.firstToken - 1;
  if (prev < 0 || tokens.breakBefore(c.firstToken)) return false;
  const prevKey = tokens.key(prev);
  if (SHIP_WORDS.has(prevKey)) return true;
  if (prevKey !== 'the' || tokens.text.charCodeAt(tokens.starts[prev]!) !== 116 || prev < 1 || tokens.sentenceStart(prev)) return false;
  const before = prev - 1;
  const gap = tokens.text.slice(tokens.ends[before]!, tokens.starts[prev]!);
  const beforeKey = tokens.key(before);
  if (!/[,:;(]/.test(gap) && beforeKey !== 'and' && beforeKey !== 'or' && !SHIP_WORDS.has(beforeKey)) return false;
  for (let j = before; j >= 0 && j >= before - LOOK_BACK; j--) {
    if (SHIP_WORDS.has(tokens.key(j))) return true;
    if (tokens.sentenceStart(j)) break;
  }
  return false;
}
