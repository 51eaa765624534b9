/**
 * Per-document disambiguation: turns candidates into mentions of one entity, or ambiguous mentions
 * with their candidates, or nothing. A reader forgives a missed name; a wrong card destroys trust,
 * so every weak form (a surname, a first name, a dictionary word, a shared alias) needs support.
 * The pieces: name-shape (how a form is written), page-years (era), evidence (cues, relations),
 * score (one function, with its reasons), decide (link, ambiguous or nothing), misspellings.
 */
import { FormFlag } from '../index/format';
import { scan, type TokenScan } from '../text/scan';
import { decide, oneSensePerPage, toMention, type Decided } from './decide';
import { tokenPositions } from './evidence';
import type { CorrectionMap } from '../corrections';
import type { Candidate, Matcher } from './matcher';
import type { Mention } from './mention';
import { withDatedHeadings } from './dated-heading';
import { appositiveNames } from './appositive';
import { datelineTowns } from './dateline';
import { sentenceRelation } from './sentence-relation';
import { riverNames } from './river-names';
import { rulerStyles } from './ruler-style';
import { governmentsOfSeats } from './government-of-seat';
import { definiteReferences } from './definite-references';
import { sameRegion } from './same-region';
import { misspellings, type ScannedBlock } from './misspellings';
import { nearestNamed } from './nearest-named';
import { isTitleCase, looksLikeName, titleBefore } from './name-shape';
import { activeSpan, pageYears } from './page-years';
import { longerNamesOnPage } from './longer-names';
import { sportsResults, teamCities } from './team-cities';
import { scoreCandidate, weighNamesakes, whyLinked, type BlockEvidence, type PageEvidence, type Scored } from './score';
import { encodeWhy, WHY } from './why';

/** What resolve decided for one candidate, for the CLI's --explain. */
export interface Explanation {
  block: number;
  start: number;
  end: number;
  surface: string;
  /** The median year the page mentions (the era evidence), if it mentions any. */
  pageYear?: number;
  /** Each candidate: its score, whether a rule ruled it out, why, and the years it was active. */
  scored: { id: string; score: number; valid: boolean; why: string[]; span?: [number, number] }[];
  outcome: string;
}

export interface ResolveOptions {
  /** Ids already named on the page in earlier batches (content that arrived before this text). */
  onPage?: readonly string[];
  /** Called with the scoring of every candidate (the CLI's --explain); off the hot path when absent. */
  explain?: (e: Explanation) => void;
  /**
   * The reader's corrections that apply on this page (core/corrections correctionsForPage): form
   * key -> entity id, or null for "not a name here". They are the reader's word: they override
   * every score and rule, wherever the form is written like a name.
   */
  corrections?: CorrectionMap;
}

export interface Resolved {
  /** In document order. */
  mentions: Mention[];
  /** The years the page mentions, sorted (for the era evidence and the cards' timelines). */
  years: number[];
}

/**
 * Resolves all candidates of a document given as blocks of text. Two passes: first the forms that
 * name one entity on their own (strong), then the weak ones, scored against what the page holds.
 */
export function resolveDocument(blocks: readonly string[], matcher: Matcher, options: ResolveOptions = {}): Resolved {
  const corrections = options.corrections && options.corrections.size > 0 ? options.corrections : undefined;
  const found: ScannedBlock[] = blocks.map((text) => {
    const tokens = scan(text);
    return { text, tokens, candidates: matcher.candidates(text, tokens) };
  });

  // Pass 1: strong mentions put their entities "on the page" (and in their paragraph).
  const onPage = new Map<number, number>();
  // The mentions that put their entity on the page: a mention is never its own support.
  const selfNamed = new Map<Candidate, number>();
  const namedBy = new Map<number, Set<string>>();
  const blockEntities: Set<number>[] = found.map(() => new Set());
  found.forEach(({ text, tokens, candidates }, b) => {
    for (const c of candidates) {
      const e = c.entries;
      if (e.length !== 2) continue;
      const flags = e[1]!;
      if (flags & (FormFlag.Surname | FormFlag.FirstName | FormFlag.CommonWord | FormFlag.EraBound)) continue;
      if (corrections?.has(c.key)) continue;
      if (!looksLikeName(text, tokens, c, flags)) continue;
      selfNamed.set(c, e[0]!);
      onPage.set(e[0]!, (onPage.get(e[0]!) ?? 0) + 1);
      let keys = namedBy.get(e[0]!);
      if (!keys) namedBy.set(e[0]!, (keys = new Set()));
      keys.add(c.key);
      blockEntities[b]!.add(e[0]!);
    }
  });
  for (const id of options.onPage ?? []) {
    const i = matcher.indexOf(id);
    if (i !== undefined && !onPage.has(i)) onPage.set(i, 1);
  }

  const years = pageYears(found.map((f) => f.tokens));
  const page: PageEvidence = {
    matcher,
    onPage,
    selfNamed,
    medianYear: years.length > 0 ? years[Math.floor(years.length / 2)] : undefined,
    teams: teamCities(found, matcher),
    namedBy,
    quiet: quietPage(onPage, years, options.onPage?.length ?? 0),
    sports: sportsResults(blocks),
    longerNames: longerNamesOnPage(found, matcher),
  };
  const evidence: BlockEvidence[] = found.map(({ text, tokens }, b) => {
    let titleCase: boolean | undefined;
    let positions: Map<string, number[]> | undefined;
    return {
      text,
      tokens,
      entities: blockEntities[b]!,
      titleCase: () => (titleCase ??= isTitleCase(text, tokens)),
      positions: () => (positions ??= tokenPositions(tokens)),
    };
  });
  const idOf = (i: number) => matcher.idOf(i);

  /** Scores and decides every candidate against what is on the page. Cost: O(candidates x entries). */
  const candidateOf = new Map<Decided, Candidate>();
  const decideAll = (explain?: (e: Explanation) => void): Decided[] => {
    const decided: Decided[] = [];
    found.forEach(({ text, tokens, candidates }, b) => {
      for (const c of candidates) {
        const fix = corrections?.get(c.key);
        if (fix !== undefined && corrected(c, fix, b, text, tokens, decided, explain)) continue;
        const titled = titleBefore(text, tokens, c);
        const scored: Scored[] = [];
        for (let k = 0; k < c.entries.length; k += 2) {
          const flags = c.entries[k + 1]!;
          if (looksLikeName(text, tokens, c, flags)) scored.push(scoreCandidate(page, evidence[b]!, c, c.entries[k]!, flags, titled));
        }
        weighNamesakes(scored, matcher, tokens, c);
        const mention = decide(c, scored, b, idOf, (winner, namesakes) => whyLinked(page, evidence[b]!, c, winner, namesakes));
        if (mention) {
          decided.push(mention);
          candidateOf.set(mention, c);
        }
        explain?.({
          block: b,
          start: c.start,
          end: c.end,
          surface: text.slice(c.start, c.end),
          pageYear: page.medianYear,
          scored: scored.map((x) => ({
            id: idOf(x.entity),
            score: x.score,
            valid: x.valid,
            why: x.reasons,
            span: activeSpan(matcher.entity(x.entity)),
          })),
          outcome: !mention ? 'no link' : mention.id ? `linked to ${mention.id}` : `ambiguous: ${mention.candidates!.join(' | ')}`,
        });
      }
    });
    return decided;
  };

  /**
   * Applies the reader's correction to a candidate written like a name: a link to their entity, or
   * nothing. False when it does not apply (the entity is gone from the dataset, or the words are
   * not written as a name here), so the resolver decides as usual.
   */
  function corrected(
    c: Candidate,
    fix: string | null,
    b: number,
    text: string,
    tokens: TokenScan,
    decided: Decided[],
    explain?: (e: Explanation) => void,
  ): boolean {
    if (fix !== null && matcher.indexOf(fix) === undefined) return false;
    let nameLike = false;
    for (let k = 1; k < c.entries.length && !nameLike; k += 2) nameLike = looksLikeName(text, tokens, c, c.entries[k]!);
    if (!nameLike) return false;
    if (fix !== null) decided.push({ block: b, start: c.start, end: c.end, id: fix, explicit: true, why: encodeWhy(WHY.correction) });
    explain?.({
      block: b,
      start: c.start,
      end: c.end,
      surface: text.slice(c.start, c.end),
      pageYear: page.medianYear,
      scored: [],
      outcome: fix === null ? 'not a name here (your correction)' : `linked to ${fix} (your correction)`,
    });
    return true;
  }

  // Names linked through their own forms ("Castro" for Fidel Castro) put their entities on the page
  // too; a second pass lets first names and surnames ("Fidel") lean on them.
  // Each such mention supports the entity's other mentions, never itself.
  let decided = decideAll();
  const grown = new Map<number, number>();
  for (const m of decided) {
    if (!m.id || !m.explicit) continue;
    const i = matcher.indexOf(m.id);
    if (i === undefined || (onPage.has(i) && !grown.has(i))) continue;
    grown.set(i, (grown.get(i) ?? 0) + 1);
    selfNamed.set(candidateOf.get(m)!, i);
  }
  for (const [i, n] of grown) onPage.set(i, n);
  const grew = grown.size > 0;
  if (grew || options.explain) {
    const first = decided;
    candidateOf.clear();
    decided = decideAll(options.explain);
    keepFirstReasons(first, decided);
  }
  oneSensePerPage(decided);
  nearestNamed(decided);
  datelineTowns(decided, blocks, matcher);
  sameRegion(decided, matcher);
  sentenceRelation(decided, blocks, matcher);
  let mentions = decided.map(toMention);
  const linked = new Set(mentions.flatMap((m) => (m.id ? [m.id] : [])));
  mentions.push(...misspellings(found, linked, matcher, mentions));
  mentions.push(...definiteReferences(found, decided, mentions, matcher));
  mentions.push(...appositiveNames(found, mentions, matcher));
  mentions.push(...governmentsOfSeats(found, mentions, matcher, page.medianYear));
  mentions.push(...rulerStyles(found, decided, mentions, matcher, page.medianYear));
  mentions.push(...riverNames(found, decided, mentions, matcher));
  mentions = withDatedHeadings(mentions, found, matcher);
  mentions.sort((a, b) => a.block - b.block || a.start - b.start);
  return { mentions, years };
}

/**
 * A name linked through its own form in the first pass is "on the page" in the second because of
 * itself; its reason is the first pass's, which weighed the page without it. Both lists are in
 * candidate order and the second pass decides at least the first's candidates, so one merge walk
 * pairs them: O(mentions).
 */
function keepFirstReasons(first: readonly Decided[], second: Decided[]): void {
  let i = 0;
  for (const m of second) {
    while (i < first.length && (first[i]!.block < m.block || (first[i]!.block === m.block && first[i]!.start < m.start))) i++;
    const f = first[i];
    if (!f || f.block !== m.block || f.start !== m.start || !m.explicit || f.id !== m.id) continue;
    if (f.why === undefined) delete m.why;
    else m.why = f.why;
  }
}

/**
 * A page with no history signal: at most one entity named with confidence and no year before 1950
 * (a recipe, a match report, a product review). There only strong names are linked: a one-word
 * name several entities share needs support beyond itself (score.ts). Batches after the first
 * carry the names already found (`earlier`), which count as signal.
 */
export function quietPage(onPage: ReadonlyMap<number, number>, years: readonly number[], earlier: number): boolean {
  return onPage.size + earlier <= 1 && !years.some((y) => y < 1950);
}
