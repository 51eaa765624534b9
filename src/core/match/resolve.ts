/**
 * Per-document disambiguation: turns candidates into mentions of one entity, or ambiguous mentions
 * with their candidates, or nothing. A reader forgives a missed name; a wrong card destroys trust,
 * so every weak form (a surname, a first name, a dictionary word, a shared alias) needs support.
 * The pieces: name-shape (how a form is written), page-years (era), evidence (cues, relations),
 * score (one function, with its reasons), decide (link, ambiguous or nothing), misspellings.
 */
import { FormFlag } from '../index/format';
import { scan } from '../text/scan';
import { decide, oneSensePerPage, toMention, type Decided } from './decide';
import { tokenPositions } from './evidence';
import type { Matcher } from './matcher';
import type { Mention } from './mention';
import { misspellings, type ScannedBlock } from './misspellings';
import { isTitleCase, looksLikeName, titleBefore } from './name-shape';
import { activeSpan, pageYears } from './page-years';
import { teamCities } from './team-cities';
import { scoreCandidate, type BlockEvidence, type PageEvidence, type Scored } from './score';

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
  const found: ScannedBlock[] = blocks.map((text) => {
    const tokens = scan(text);
    return { text, tokens, candidates: matcher.candidates(text, tokens) };
  });

  // Pass 1: strong mentions put their entities "on the page" (and in their paragraph).
  const onPage = new Map<number, number>();
  const namedBy = new Map<number, Set<string>>();
  const blockEntities: Set<number>[] = found.map(() => new Set());
  found.forEach(({ text, tokens, candidates }, b) => {
    for (const c of candidates) {
      const e = c.entries;
      if (e.length !== 2) continue;
      const flags = e[1]!;
      if (flags & (FormFlag.Surname | FormFlag.FirstName | FormFlag.CommonWord | FormFlag.EraBound)) continue;
      if (!looksLikeName(text, tokens, c, flags)) continue;
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
    medianYear: years.length > 0 ? years[Math.floor(years.length / 2)] : undefined,
    teams: teamCities(found, matcher),
    namedBy,
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
  const decideAll = (explain?: (e: Explanation) => void): Decided[] => {
    const decided: Decided[] = [];
    found.forEach(({ text, tokens, candidates }, b) => {
      for (const c of candidates) {
        const titled = titleBefore(text, tokens, c);
        const scored: Scored[] = [];
        for (let k = 0; k < c.entries.length; k += 2) {
          const flags = c.entries[k + 1]!;
          if (looksLikeName(text, tokens, c, flags)) scored.push(scoreCandidate(page, evidence[b]!, c, c.entries[k]!, flags, titled));
        }
        const mention = decide(c, scored, b, idOf);
        if (mention) decided.push(mention);
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

  // Names linked through their own forms ("Castro" for Fidel Castro) put their entities on the page
  // too; a second pass lets first names and surnames ("Fidel") lean on them.
  let decided = decideAll();
  let grew = false;
  for (const m of decided) {
    if (!m.id || !m.explicit) continue;
    const i = matcher.indexOf(m.id);
    if (i !== undefined && !onPage.has(i)) {
      onPage.set(i, 1);
      grew = true;
    }
  }
  if (grew || options.explain) decided = decideAll(options.explain);
  oneSensePerPage(decided);
  const mentions = decided.map(toMention);
  const linked = new Set(mentions.flatMap((m) => (m.id ? [m.id] : [])));
  mentions.push(...misspellings(found, linked, matcher));
  mentions.sort((a, b) => a.block - b.block || a.start - b.start);
  return { mentions, years };
}
