/**
 * Per-document disambiguation: turns candidates into mentions of one entity, or ambiguous mentions
 * with their candidates, or nothing. A reader forgives a missed name; a wrong card destroys trust,
 * so every weak form (a surname, a first name, a dictionary word, a shared alias) needs support.
 */
import { FormFlag, type CompiledIndex, type MatchEntity } from '../index/format';
import { scan, type TokenScan } from '../text/scan';
import { TITLES } from '../text/titles';
import type { Candidate, Matcher } from './matcher';

export interface Mention {
  /** Which block of the document. */
  block: number;
  start: number;
  end: number;
  /** The linked entity's id; absent when ambiguous. */
  id?: string;
  /** Ambiguous mentions: candidate ids, most likely first. */
  candidates?: string[];
  /** Ambiguous mentions: the form's key, under which the reader's choice is remembered. */
  key?: string;
  /** Internal to resolve: the form key of a confidently linked shared form. */
  formKey?: string;
  /** Internal to resolve: linked through one of the entity's own forms, not a derived name part. */
  explicit?: boolean;
}

/** Particles that may stay lower case inside a capitalised name ("Charles de Gaulle"). */
const LOWER_OK = new Set(['de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y', 'e', 'of', 'the', 'and', 'al', 'el', 'bin', 'ibn', 'zu', 'den', 'ter', 'des', 'for', 'on', 'in', 'to', 'a', 'an', 'und', 'et']);

const CUE_WINDOW = 6;
/** Points for a cue within CUE_WINDOW tokens; a dictionary word needs at least this. */
const NEAR_CUE = 6;

/** Words that start sentences: before a surname at a sentence start they are not a first name. */
const SENTENCE_WORDS = new Set(`a about above after again against all also although always among an and another any
as at back because before being below besides between both but by can could despite did do does during each early
either even eventually ever every except finally first for from further had has have he her here hers him his how
however i if in including indeed instead into it its just last late later like many may meanwhile might more
moreover most much my neither never nevertheless next no nor not now of often on once one only or other otherwise
our out over perhaps poor rather really shortly should similarly since so some soon still such than that the their
then there therefore these they this those though through thus to today together too under unlike until up upon
us very was we were what whatever when whenever where whereas whether which while who whom whose why will with
within without would yes yet you young old dear poor meet ask said says see sir yesterday tomorrow`.split(/\s+/));

interface Scored {
  entity: number;
  score: number;
  valid: boolean;
  derived: boolean;
  /** Why, for --explain: "on page +3", "cue +5", "era -2", "derived, no support". */
  why: string[];
}

/** What resolve decided for one candidate, for the CLI's --explain. */
export interface Explanation {
  block: number;
  start: number;
  end: number;
  surface: string;
  scored: { id: string; score: number; valid: boolean; why: string[] }[];
  outcome: string;
}

interface BlockCandidates {
  tokens: TokenScan;
  candidates: Candidate[];
}

/** True when the surface is written like a name: capitalised words, acronyms in capitals. */
function looksLikeName(text: string, tokens: TokenScan, c: Candidate, flags: number): boolean {
  for (let t = c.firstToken; t < c.endToken; t++) {
    const surface = text.slice(tokens.starts[t], tokens.ends[t]);
    const firstChar = surface[0]!;
    const isUpper = firstChar !== firstChar.toLowerCase() || /\d/.test(firstChar);
    if (flags & FormFlag.Acronym) {
      if (surface !== surface.toUpperCase()) return false;
    } else if (flags & FormFlag.MixedCase) {
      if (surface !== surface.toUpperCase() && !/\p{Ll}\p{Lu}/u.test(text.slice(tokens.starts[c.firstToken], tokens.ends[c.endToken - 1]))) return false;
      if (!isUpper && !LOWER_OK.has(tokens.key(t))) return false;
    } else if (!isUpper) {
      if (!(LOWER_OK.has(tokens.key(t)) && t > c.firstToken && t < c.endToken - 1)) return false;
    }
  }
  return true;
}

/** Years the page mentions (1000-2100), for the era preference. */
function pageYears(blocks: readonly BlockCandidates[]): number[] {
  const years: number[] = [];
  for (const b of blocks) {
    const s = b.tokens;
    for (let t = 0; t < s.count; t++) {
      const len = s.lengths[t]!;
      if (len !== 4 && len !== 5) continue;
      const first = s.text.charCodeAt(s.starts[t]!);
      if (first !== 49 && first !== 50) continue; // '1' or '2': skip building keys for other words
      const key = s.key(t);
      if (len === 4 && /^(1\d|20)\d\d$/.test(key)) years.push(Number(key));
      else if (len === 5 && /^(1\d|20)\d0s$/.test(key)) years.push(Number(key.slice(0, 4)) + 5);
    }
  }
  return years.sort((a, b) => a - b);
}

function yearOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(-?)(\d{4})/.exec(date);
  return m ? Number(m[2]) * (m[1] ? -1 : 1) : undefined;
}

/** Years an entity was alive or active: a person from about 15 until death. */
function activeSpan(index: CompiledIndex<MatchEntity>, entity: number): [number, number] | undefined {
  const e = index.entities[entity]!;
  const from = e.type === 'person' ? (yearOf(e.born) !== undefined ? yearOf(e.born)! + 15 : undefined) : yearOf(e.start);
  const to = e.type === 'person' ? yearOf(e.died) : yearOf(e.end);
  if (from === undefined && to === undefined) return undefined;
  return [from ?? (to! - 60), to ?? (from! + 80)];
}

export interface ResolveOptions {
  /** Entities the reader chose for ambiguous forms on this page: form key -> entity id. */
  choices?: Record<string, string>;
  /** Ids already named on the page in earlier batches (content that arrived before this text). */
  onPage?: readonly string[];
  /** Called with the scoring of every candidate (the CLI's --explain); off the hot path when absent. */
  explain?: (e: Explanation) => void;
  /** Filled with the years the page mentions, sorted (for the cards' timelines). */
  years?: number[];
}


/**
 * Resolves all candidates of a document given as blocks of text. Two passes: first the forms that
 * name one entity on their own (strong), then the weak ones, scored against what the page holds.
 */
export function resolveDocument(blocks: readonly string[], matcher: Matcher, options: ResolveOptions = {}): Mention[] {
  const index = matcher.index;
  const found: BlockCandidates[] = blocks.map((text) => {
    const tokens = scan(text);
    return { tokens, candidates: matcher.candidates(text, tokens) };
  });

  // Pass 1: strong mentions put their entities "on the page" (and in their paragraph).
  const onPage = new Map<number, number>();
  const blockEntities: Set<number>[] = found.map(() => new Set());
  found.forEach(({ tokens, candidates }, b) => {
    for (const c of candidates) {
      const e = c.entries;
      if (e.length !== 2) continue;
      const flags = e[1]!;
      if (flags & (FormFlag.Surname | FormFlag.FirstName | FormFlag.CommonWord)) continue;
      if (!looksLikeName(blocks[b]!, tokens, c, flags)) continue;
      onPage.set(e[0]!, (onPage.get(e[0]!) ?? 0) + 1);
      blockEntities[b]!.add(e[0]!);
    }
  });

  const years = pageYears(found);
  if (options.years) options.years.push(...years);
  const medianYear = years.length > 0 ? years[Math.floor(years.length / 2)] : undefined;
  const idOf = (i: number) => index.entities[i]!.id;
  const entityByIdIndex = matcher.entityIndexById;
  for (const id of options.onPage ?? []) {
    const i = entityByIdIndex.get(id);
    if (i !== undefined && !onPage.has(i)) onPage.set(i, 1);
  }

  const titleCaseCache = new Map<number, boolean>();
  const titleCase = (b: number): boolean => {
    let v = titleCaseCache.get(b);
    if (v === undefined) titleCaseCache.set(b, (v = isTitleCase(blocks[b]!, found[b]!.tokens)));
    return v;
  };

  /** Scores and decides every candidate against what is on the page. Cost: O(candidates x entries). */
  const decideAll = (explain?: (e: Explanation) => void): Mention[] => {
    const mentions: Mention[] = [];
    found.forEach(({ tokens, candidates }, b) => {
      const text = blocks[b]!;
      let positions: Map<string, number[]> | undefined;
      const positionsOf = () => (positions ??= tokenPositions(tokens));
      for (const c of candidates) {
        const scored: Scored[] = [];
        const prev = c.firstToken - 1;
        const titled = prev >= 0 && !tokens.breakBefore(c.firstToken) && TITLES.has(tokens.key(prev)) && isCapitalised(text, tokens, prev);
        for (let k = 0; k < c.entries.length; k += 2) {
          const entity = c.entries[k]!;
          const flags = c.entries[k + 1]!;
          if (!looksLikeName(text, tokens, c, flags)) continue;
          const e = index.entities[entity]!;
          const derived = (flags & (FormFlag.Surname | FormFlag.FirstName)) !== 0;
          const common = (flags & FormFlag.CommonWord) !== 0;
          const isOnPage = onPage.has(entity);
          const cue = cueSupport(index, entity, tokens, c, positionsOf);
          const why: string[] = [];
          let score = 0;
          const add = (points: number, reason: string) => {
            if (points === 0) return;
            score += points;
            why.push(`${reason} ${points > 0 ? '+' : ''}${points}`);
          };
          if (isOnPage) add(3, 'named on page');
          if (!derived) add(1, 'explicit form');
          add(cue, 'cue');
          if (titled) add(e.type === 'person' ? 1 : -5, 'title before');
          add(relatedSupport(matcher, entity, onPage), 'related on page');
          add(relatedInBlock(matcher, entity, blockEntities[b]!), 'related in paragraph');
          if (medianYear !== undefined) {
            const span = activeSpan(index, entity);
            if (span) {
              if (medianYear >= span[0] - 5 && medianYear <= span[1] + 5) add(1, 'era');
              else if (medianYear < span[0] - 30 || medianYear > span[1] + 30) add(-2, 'era');
            }
          }
          let valid = true;
          const invalid = (reason: string) => {
            valid = false;
            why.push(reason);
          };
          if (derived && !isOnPage && cue < NEAR_CUE) invalid('surname/first name without the full name or a near cue');
          if (derived && !isOnPage && explicitHolder(c.entries)) invalid('another entity holds this form as its own name');
          if (derived && partOfLongerName(text, tokens, c, flags, matcher)) invalid('part of a longer unknown name');
        // A one-word name that is also other people's first name ("Anne" for Queen Anne) is held to
        // the same rule: "Anne Elliot" is somebody else.
        const firstNameLike = !derived && e.type === 'person' && c.endToken - c.firstToken === 1 && hasFlag(c.entries, FormFlag.FirstName);
        if (firstNameLike && partOfLongerName(text, tokens, c, FormFlag.FirstName | FormFlag.Surname, matcher)) invalid('a first name here, part of a longer unknown name');
          // A dictionary word capitalised mid-sentence is a name; for a place or an organization that is
          // enough ("to Spain", "in Paris"). People, works and events ("Office Politics", "We") also
          // need a title, the full name or a cue.
          const properNoun = (e.type === 'place' || e.type === 'organization') && !derived && midSentenceCapital(text, tokens, c, titleCase(b));
          if (common && !isOnPage && cue < NEAR_CUE && !(titled && e.type === 'person') && !properNoun) invalid('dictionary word without a title, the full name or a near cue');
          if (titled && e.type !== 'person') invalid('a title before a non-person');
          scored.push({ entity, score, valid, why, derived });
        }
        const mention = decide(c, scored, b, options.choices?.[c.key], idOf);
        if (mention) mentions.push(mention);
        explain?.({
          block: b, start: c.start, end: c.end, surface: text.slice(c.start, c.end),
          scored: scored.map((x) => ({ id: idOf(x.entity), score: x.score, valid: x.valid, why: x.why })),
          outcome: !mention ? 'no link' : mention.id ? `linked to ${mention.id}` : `ambiguous: ${mention.candidates!.join(' | ')}`,
        });
      }
    });
    return mentions;
  };

  // Names linked through their own forms ("Castro" for Fidel Castro) put their entities on the page
  // too; a second pass lets first names and surnames ("Fidel") lean on them.
  let mentions = decideAll();
  let grew = false;
  for (const m of mentions) {
    if (!m.id || !m.explicit) continue;
    const i = entityByIdIndex.get(m.id);
    if (i !== undefined && !onPage.has(i)) {
      onPage.set(i, 1);
      grew = true;
    }
  }
  if (grew || options.explain) mentions = decideAll(options.explain);
  oneSensePerPage(mentions);
  mentions.push(...misspellings(found, blocks, mentions, matcher));
  mentions.sort((a, b) => a.block - b.block || a.start - b.start);
  return mentions;
}

/**
 * One sense per page: a shared form left ambiguous takes the entity that the same form was linked to
 * elsewhere on the page with confidence ("Popular Front" twice in a post about Spain), when exactly
 * one such entity exists and it is among the candidates.
 */
function oneSensePerPage(mentions: Mention[]): void {
  const linked = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.id || !m.formKey) continue;
    let ids = linked.get(m.formKey);
    if (!ids) linked.set(m.formKey, (ids = new Set()));
    ids.add(m.id);
  }
  for (const m of mentions) {
    if (m.id || !m.candidates || !m.key) continue;
    const ids = linked.get(m.key);
    if (ids?.size === 1) {
      const [id] = ids;
      if (m.candidates.includes(id!)) {
        m.id = id;
        m.candidates = undefined;
        m.key = undefined;
      }
    }
  }
  for (const m of mentions) {
    delete m.formKey;
    delete m.explicit;
  }
}

/**
 * Close misspellings of a name already on the page ("Mercador" beside "Mercader"): a capitalised
 * word of at least six letters, not itself a known form, one edit away from exactly one single-word
 * form of exactly one entity linked on the page. Cost: only capitalised unknown words are compared,
 * against the page's own names (dozens), so it stays O(tokens).
 */
function misspellings(found: readonly BlockCandidates[], blocks: readonly string[], mentions: readonly Mention[], matcher: Matcher): Mention[] {
  const linkedIds = new Set(mentions.flatMap((m) => (m.id ? [m.id] : [])));
  if (linkedIds.size === 0) return [];
  // Single-word forms of the entities linked on the page that name only that entity.
  const pageKeys = new Map<string, string>();
  for (const id of linkedIds) {
    for (const key of matcher.singleWordForms(id)) if (key.length >= 6) pageKeys.set(key, id);
  }
  if (pageKeys.size === 0) return [];
  const out: Mention[] = [];
  found.forEach(({ tokens, candidates }, b) => {
    const text = blocks[b]!;
    let ci = 0;
    for (let t = 0; t < tokens.count; t++) {
      while (ci < candidates.length && candidates[ci]!.endToken <= t) ci++;
      if (ci < candidates.length && candidates[ci]!.firstToken <= t) continue;
      if (tokens.lengths[t]! < 6 || !isCapitalised(text, tokens, t)) continue;
      const key = tokens.key(t);
      if (matcher.lookup(key)) continue;
      let match: string | undefined;
      let count = 0;
      for (const [pageKey, id] of pageKeys) {
        // A suffix added or dropped is a different word (American, Stalins), not a misspelling.
        if (pageKey[0] !== key[0] || key.startsWith(pageKey) || pageKey.startsWith(key) || !withinOneEdit(key, pageKey)) continue;
        if (match !== id) count++;
        match = id;
      }
      if (count === 1 && match) out.push({ block: b, start: tokens.starts[t]!, end: tokens.ends[t]!, id: match });
    }
  });
  return out;
}

/** Damerau-Levenshtein distance at most 1 (one substitution, insertion, deletion or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** True when some entity holds the form as its own (not derived from a full name). */
function explicitHolder(entries: readonly number[]): boolean {
  for (let k = 1; k < entries.length; k += 2) if ((entries[k]! & (FormFlag.Surname | FormFlag.FirstName)) === 0) return true;
  return false;
}

/** The decision for one candidate from its scored entries: a link, an ambiguous mention, or none. */
function decide(c: Candidate, scored: Scored[], block: number, chosen: string | undefined, idOf: (i: number) => string): Mention | undefined {
  const at = { block, start: c.start, end: c.end };
  if (chosen !== undefined && scored.some((s) => idOf(s.entity) === chosen)) return { ...at, id: chosen };
  const valid = scored.filter((s) => s.valid).sort((x, y) => y.score - x.score || x.entity - y.entity);
  if (valid.length === 0) return undefined;
  if (valid.length === 1 && scored.length === 1) return { ...at, id: idOf(valid[0]!.entity), explicit: !valid[0]!.derived };
  const best = valid[0]!;
  // A namesake that is not valid here but scores as high still makes the others doubtful.
  const runnerUp = Math.max(valid[1]?.score ?? -Infinity, ...scored.filter((s) => !s.valid && s.score >= best.score).map((s) => s.score));
  // Linked with confidence among namesakes: remember the form, for one sense per page.
  if (best.score - runnerUp >= 2 || (valid.length === 1 && best.score - runnerUp >= 1)) return { ...at, id: idOf(best.entity), formKey: c.key, explicit: !best.derived };
  if (valid.length > 1) return { ...at, candidates: valid.map((s) => idOf(s.entity)), key: c.key };
  return { ...at, id: idOf(best.entity), explicit: !best.derived };
}

/** The candidate is capitalised but not where any word would be (a sentence start, a title-case heading). */
function midSentenceCapital(text: string, tokens: TokenScan, c: Candidate, blockIsTitleCase: boolean): boolean {
  if (blockIsTitleCase || tokens.sentenceStart(c.firstToken)) return false;
  return isCapitalised(text, tokens, c.firstToken);
}

/**
 * Headings and menus capitalise most words, so a capital there proves nothing. Particles that
 * headings keep in lower case ("of", "the") do not count.
 */
function isTitleCase(text: string, tokens: TokenScan): boolean {
  let words = 0;
  let caps = 0;
  for (let t = 0; t < tokens.count; t++) {
    const first = text.charCodeAt(tokens.starts[t]!);
    if (first >= 48 && first <= 57) continue;
    if (tokens.lengths[t]! <= 3 && LOWER_OK.has(tokens.key(t))) continue;
    words++;
    if (isCapitalised(text, tokens, t)) caps++;
  }
  return words > 0 && caps / words >= 0.75;
}

/** +2 when an entity related to this one is named in the same paragraph. */
function relatedInBlock(matcher: Matcher, entity: number, inBlock: ReadonlySet<number>): number {
  for (const other of matcher.neighbours(entity)) if (inBlock.has(other)) return 2;
  return 0;
}

/**
 * A surname or first name that is only part of a longer, unknown name: "Lev" in "Lev Sedov" is not
 * Lev Trotsky, "Hansen" in "Reba Hansen" is not Joseph Hansen.
 */
function partOfLongerName(text: string, tokens: TokenScan, c: Candidate, flags: number, matcher: Matcher): boolean {
  if (flags & FormFlag.FirstName) {
    const next = c.endToken;
    if (next < tokens.count && !tokens.breakBefore(next) && isCapitalised(text, tokens, next) && !LOWER_OK.has(tokens.key(next))) return true;
  }
  if (flags & (FormFlag.Surname | FormFlag.FirstName)) {
    const prev = c.firstToken - 1;
    if (prev >= 0 && !tokens.breakBefore(c.firstToken) && isCapitalised(text, tokens, prev) && !TITLES.has(tokens.key(prev))) {
      const sentenceStart = prev === 0 || tokens.breakBefore(prev);
      if (!sentenceStart) return true;
      // At a sentence start a capital proves little: "When Hansen" is not a name, "Reba Hansen" is.
      const prevKey = tokens.key(prev);
      if (!SENTENCE_WORDS.has(prevKey)) return true;
      const entries = matcher.lookup(prevKey);
      if (entries && hasFlag(entries, FormFlag.FirstName)) return true;
    }
  }
  return false;
}

function hasFlag(entries: readonly number[], flag: number): boolean {
  for (let k = 1; k < entries.length; k += 2) if (entries[k]! & flag) return true;
  return false;
}

function isCapitalised(text: string, tokens: TokenScan, t: number): boolean {
  const ch = text[tokens.starts[t]!]!;
  return ch !== ch.toLowerCase();
}

/** +6 for a cue word within a few tokens of the mention, +2 for one elsewhere in the block. */
function cueSupport(index: CompiledIndex<MatchEntity>, entity: number, tokens: TokenScan, c: Candidate, positions: () => Map<string, number[]>): number {
  const cues = index.cues[entity];
  if (!cues || cues.length === 0) return 0;
  let best = 0;
  const where = positions();
  for (const cue of cues) {
    const space = cue.indexOf(' ');
    const words = space === -1 ? undefined : cue.split(' ');
    for (const t of where.get(space === -1 ? cue : cue.slice(0, space)) ?? []) {
      if (t >= c.firstToken && t < c.endToken) continue;
      if (words && !words.every((w, i) => t + i < tokens.count && tokens.key(t + i) === w)) continue;
      const distance = t < c.firstToken ? c.firstToken - t : t - c.endToken + 1;
      best = Math.max(best, distance <= CUE_WINDOW ? NEAR_CUE : 2);
      if (best === NEAR_CUE) return best;
    }
  }
  return best;
}

/** Token positions by key for one block, built once per block on first need (cues). O(tokens). */
function tokenPositions(tokens: TokenScan): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let t = 0; t < tokens.count; t++) {
    const key = tokens.key(t);
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  }
  return map;
}

/** +1 for each entity related to this one (either way round) that is named on the page, at most +3. */
function relatedSupport(matcher: Matcher, entity: number, onPage: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const other of matcher.neighbours(entity)) {
    if (onPage.has(other)) n++;
    if (n === 3) break;
  }
  return n;
}

