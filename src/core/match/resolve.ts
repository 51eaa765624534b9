/**
 * Per-document disambiguation: turns candidates into mentions of one entity, or ambiguous mentions
 * with their candidates, or nothing. A reader forgives a missed name; a wrong card destroys trust,
 * so every weak form (a surname, a first name, a dictionary word, a shared alias) needs support.
 */
import { FormFlag, type CompiledIndex } from '../index/format';
import { scan, type TokenScan } from '../text/scan';
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
}

/** Words that, right before a capitalised name, say a person follows ("Senator Dies"). */
const TITLES = new Set([
  'senator', 'sen', 'professor', 'prof', 'ambassador', 'president', 'general', 'gen', 'dr', 'doctor', 'mr', 'mrs',
  'ms', 'miss', 'comrade', 'colonel', 'col', 'captain', 'capt', 'admiral', 'marshal', 'king', 'queen', 'emperor',
  'empress', 'tsar', 'czar', 'tsarina', 'pope', 'prince', 'princess', 'duke', 'duchess', 'lord', 'lady', 'sir',
  'chairman', 'premier', 'secretary', 'minister', 'governor', 'judge', 'justice', 'rev', 'reverend', 'father',
  'bishop', 'cardinal', 'mayor', 'representative', 'rep', 'congressman', 'congresswoman', 'chancellor',
  'lieutenant', 'lt', 'major', 'sergeant', 'commissar', 'director', 'consul', 'count', 'countess', 'baron',
  'agent', 'assassin', 'defector', 'historian', 'leader', 'comrades', 'citizen', 'marshall',
]);

/** Particles that may stay lower case inside a capitalised name ("Charles de Gaulle"). */
const LOWER_OK = new Set(['de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y', 'e', 'of', 'the', 'and', 'al', 'el', 'bin', 'ibn', 'zu', 'den', 'ter', 'des', 'for', 'on', 'in', 'to', 'a', 'an', 'und', 'et']);

const CUE_WINDOW = 6;

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
function activeSpan(index: CompiledIndex, entity: number): [number, number] | undefined {
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

  // Pass 1: strong mentions put their entities "on the page".
  const onPage = new Map<number, number>();
  found.forEach(({ tokens, candidates }, b) => {
    for (const c of candidates) {
      const e = c.entries;
      if (e.length !== 2) continue;
      const flags = e[1]!;
      if (flags & (FormFlag.Surname | FormFlag.FirstName | FormFlag.CommonWord)) continue;
      if (!looksLikeName(blocks[b]!, tokens, c, flags)) continue;
      onPage.set(e[0]!, (onPage.get(e[0]!) ?? 0) + 1);
    }
  });

  const years = pageYears(found);
  const medianYear = years.length > 0 ? years[Math.floor(years.length / 2)] : undefined;
  const idOf = (i: number) => index.entities[i]!.id;
  const entityByIdIndex = matcher.entityIndexById;
  for (const id of options.onPage ?? []) {
    const i = entityByIdIndex.get(id);
    if (i !== undefined && !onPage.has(i)) onPage.set(i, 1);
  }

  const mentions: Mention[] = [];
  found.forEach(({ tokens, candidates }, b) => {
    const text = blocks[b]!;
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
        const cue = cueSupport(index, entity, tokens, c);
        let score = 0;
        if (isOnPage) score += 3;
        if (!derived) score += 1;
        score += cue;
        if (titled) score += e.type === 'person' ? 1 : -5;
        score += relatedSupport(matcher, entity, onPage);
        if (medianYear !== undefined) {
          const span = activeSpan(index, entity);
          if (span) {
            if (medianYear >= span[0] - 5 && medianYear <= span[1] + 5) score += 1;
            else if (medianYear < span[0] - 30 || medianYear > span[1] + 30) score -= 2;
          }
        }
        let valid = true;
        if (derived && !isOnPage && cue === 0) valid = false;
        if (derived && partOfLongerName(text, tokens, c, flags, matcher)) valid = false;
        if (common && !isOnPage && cue === 0 && !(titled && e.type === 'person')) valid = false;
        if (titled && e.type !== 'person') valid = false;
        scored.push({ entity, score, valid });
      }
      const chosen = options.choices?.[c.key];
      if (chosen !== undefined && scored.some((s) => idOf(s.entity) === chosen)) {
        mentions.push({ block: b, start: c.start, end: c.end, id: chosen });
        continue;
      }
      const valid = scored.filter((s) => s.valid).sort((x, y) => y.score - x.score || x.entity - y.entity);
      if (valid.length === 0) continue;
      // A namesake that is not valid here but scores as high still makes the others doubtful.
      if (valid.length === 1 && scored.length === 1) {
        mentions.push({ block: b, start: c.start, end: c.end, id: idOf(valid[0]!.entity) });
        continue;
      }
      const best = valid[0]!;
      const runnerUp = Math.max(valid[1]?.score ?? -Infinity, ...scored.filter((s) => !s.valid && s.score >= best.score).map((s) => s.score));
      if (best.score - runnerUp >= 2 || (valid.length === 1 && best.score - runnerUp >= 1)) {
        mentions.push({ block: b, start: c.start, end: c.end, id: idOf(best.entity) });
      } else if (valid.length > 1) {
        mentions.push({ block: b, start: c.start, end: c.end, candidates: valid.map((s) => idOf(s.entity)), key: c.key });
      } else {
        mentions.push({ block: b, start: c.start, end: c.end, id: idOf(best.entity) });
      }
    }
  });
  return mentions;
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
  if (flags & FormFlag.Surname) {
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

/** +5 for a cue word within a few tokens of the mention, +2 for one elsewhere in the block. */
function cueSupport(index: CompiledIndex, entity: number, tokens: TokenScan, c: Candidate): number {
  const cues = index.cues[entity];
  if (!cues || cues.length === 0) return 0;
  let best = 0;
  for (let t = 0; t < tokens.count; t++) {
    if (t >= c.firstToken && t < c.endToken) continue;
    const key = tokens.key(t);
    for (const cue of cues) {
      if (cue !== key && !(cue.includes(' ') && matchesAt(tokens, t, cue))) continue;
      const distance = t < c.firstToken ? c.firstToken - t : t - c.endToken + 1;
      best = Math.max(best, distance <= CUE_WINDOW ? 5 : 2);
    }
  }
  return best;
}

function matchesAt(tokens: TokenScan, at: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return words.every((w, i) => at + i < tokens.count && tokens.key(at + i) === w);
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

/** Convenience for the CLI and tests: tokenizes nothing twice. */
export function detectText(text: string, matcher: Matcher): Mention[] {
  return resolveDocument([text], matcher);
}
