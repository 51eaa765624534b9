/**
 * Scoring one candidate entity for one mention: points for what speaks for it, and the rules that
 * rule it out. One function, returning its reasons, so the decision and the CLI's --explain read
 * the same evidence. Cost: O(relations of the entity) plus one lazy token map per block for cues.
 */
import { FormFlag } from '../index/format';
import { EVERYDAY_ACRONYMS } from '../text/everyday-acronyms';
import type { TokenScan } from '../text/scan';
import { nameKey } from '../text/tokens';
import { bestCue, cueSupport, firstRelated, NEAR_CUE, relatedInBlock, relatedSupport } from './evidence';
import type { Candidate, Matcher } from './matcher';
import {
  afterSettlementWord,
  capitalisedAfter,
  explicitHolder,
  knownFirstName,
  followsUnknownName,
  hasFlag,
  inSlug,
  insideOfName,
  midSentenceCapital,
  partOfLongerName,
  runsOnIntoName,
} from './name-shape';
import { yearOf } from '../dates';
import { activeSpan, eraOf } from './page-years';
import { soleMultiWordAlias } from './sole-alias';
import { aliasBeforeFounding } from './anachronism';
import { battleOfPageEra } from './battle-places';
import { afterLocative, isSettlement } from './city-or-state';
import { beforeGovernmentWord } from './government-seat';
import { placedElsewhere } from './place-in-region';
import { placeYieldsToSupportedPerson } from './person-or-place';
import { placeAsIngredient } from './quiet-places';
import { beforeIdentifierNumber } from './identifier';
import { beginsLongerNameOfPage } from './longer-names';
import { isShipName, shipNameAt } from './ship-names';
import { venueOfGame } from './sports-venue';
import { eventYieldsToPlaceAfterIn } from './place-after-in';
import { encodeWhy, WHY } from './why';

/** Relation points (on the page and in the paragraph) that stand in for the full name of a weak form. */
export const STRONG_RELATED = 3;

/** What the whole page offers as evidence. */
export interface PageEvidence {
  matcher: Matcher;
  /** Entities named with confidence on the page, with how often. */
  onPage: ReadonlyMap<number, number>;
  /** The median year the page mentions, if any. */
  medianYear: number | undefined;
  /** Places this page writes before sports scores: teams, not towns (team-cities.ts). */
  teams: ReadonlySet<number>;
  /** The form keys each entity is named by with confidence on the page (pass 1). */
  namedBy: ReadonlyMap<number, ReadonlySet<string>>;
  /** The mentions counted in `onPage`, with the entity each counted for: a mention is not its own support. */
  selfNamed: ReadonlyMap<Candidate, number>;
  /** The page shows no history (resolve.ts quietPage): shared one-word names need support. */
  quiet: boolean;
  /** The page reports sports results ("a 2-2 draw", team-cities.ts sportsResults): bare place names there are teams. */
  sports?: boolean;
  /** "form next-word" pairs that the page's running text shows to be longer unknown names (longer-names.ts). */
  longerNames?: ReadonlySet<string>;
}

/** What the candidate's paragraph offers. */
export interface BlockEvidence {
  text: string;
  tokens: TokenScan;
  /** Entities named with confidence in this paragraph. */
  entities: ReadonlySet<number>;
  /** The paragraph is a title-case heading or menu (computed on first need). */
  titleCase: () => boolean;
  /** Token positions by key (computed on first need, for cues). */
  positions: () => Map<string, number[]>;
}

export interface Scored {
  entity: number;
  score: number;
  /** False when a rule rules the entity out here, whatever its score. */
  valid: boolean;
  /** Matched through a surname or first name derived from the full name. */
  derived: boolean;
  /** Matched through a form that is also a dictionary word. */
  common: boolean;
  /** Why, in the order weighed: "named on page +3", "era -2", "part of a longer unknown name". */
  reasons: string[];
  /** The points each kind of evidence gave, for the card's one-line reason (whyLinked). */
  points: { onPage: number; cue: number; related: number; era: number; title: number };
  /** Matched through a name it has only in its era (eraNames), on a page about that era. */
  eraName?: boolean;
}

/**
 * Scores `entity` for candidate `c` (matched through a form with `flags`); `titled` says a title
 * such as "General" stands before it.
 */
export function scoreCandidate(
  page: PageEvidence,
  block: BlockEvidence,
  c: Candidate,
  entity: number,
  flags: number,
  titled: boolean,
): Scored {
  const e = page.matcher.entity(entity);
  const derived = (flags & (FormFlag.Surname | FormFlag.FirstName)) !== 0;
  const common = (flags & FormFlag.CommonWord) !== 0;
  // Named on the page by some other mention: this one, counted in pass 1, does not vouch for itself.
  const isOnPage = (page.onPage.get(entity) ?? 0) > (page.selfNamed.get(c) === entity ? 1 : 0);
  const cue = cueSupport(page.matcher, entity, block.tokens, c, block.positions);
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    if (points === 0) return;
    score += points;
    reasons.push(`${reason} ${points > 0 ? '+' : ''}${points}`);
  };
  if (isOnPage) add(3, 'named on page');
  if (!derived) add(1, 'explicit form');
  add(cue, 'cue');
  if (titled) add(e.type === 'person' ? 1 : -5, 'title before');
  const related = relatedSupport(page.matcher, entity, page.onPage);
  const relatedHere = relatedInBlock(page.matcher, entity, block.entities);
  add(related, 'related on page');
  add(relatedHere, 'related in paragraph');
  // An era name ("Egypt" for Ancient Egypt) names the entity only on a page about its era, given by
  // its start and end; there it is the better reading than the modern namesake, and the general
  // era evidence (which guesses a span for entities with one date) gives way to it.
  const eraBound = (flags & FormFlag.EraBound) !== 0;
  const eraSpan = eraBound ? eraOf(e) : undefined;
  const inEra =
    eraSpan !== undefined && page.medianYear !== undefined && page.medianYear >= eraSpan[0] - 10 && page.medianYear <= eraSpan[1] + 10;
  let outOfEra = false;
  let era = 0;
  // A place or a body with a founding and no end still stands: after its founding it is never far
  // from the page's era ("US" on a page about 1950; activeSpan guesses 80 years), and before it, it
  // did not exist yet ("Livingstone, Zambia", founded 1905, on a page about 1884).
  const stillStands = (e.type === 'place' || e.type === 'organization') && e.end === undefined && e.start !== undefined;
  const founded = stillStands ? yearOf(e.start) : undefined;
  if (inEra) add((era = 3), "a name of the page's era");
  else if (page.medianYear !== undefined) {
    const span = activeSpan(e);
    if (founded !== undefined && page.medianYear < founded - 5) {
      add(-2, 'era (before its founding)');
      outOfEra = true;
    } else if (span) {
      if (page.medianYear >= span[0] - 5 && page.medianYear <= span[1] + 5) add((era = 1), 'era');
      else if (founded !== undefined && page.medianYear > founded) {
        // Standing since its founding: neither for nor against.
      } else if (page.medianYear < span[0] - 30 || page.medianYear > span[1] + 30) {
        add(-2, 'era');
        outOfEra = true;
      }
    }
  }

  let valid = true;
  const rule = (reason: string) => {
    valid = false;
    reasons.push(reason);
  };
  const { text, tokens } = block;
  // The page's other entities can stand in for the full name when they are close kin of this one:
  // related on the page and in the paragraph ("his wife Sophie" beside Franz Ferdinand, "Pompey"
  // beside Caesar and Crassus).
  // A sole holder of the form, active at the page's dates, needs one relation less ("Hamilcar" on a
  // page about the Punic Wars that names his son): the era is evidence too.
  const soleInEra = era > 0 && c.entries.length === 2;
  const kin = related + relatedHere + (soleInEra ? 1 : 0) >= STRONG_RELATED;
  if (derived && !isOnPage && cue < NEAR_CUE && !kin) rule('surname/first name without the full name, a near cue or close relations');
  // A title and close relations speak for the derived reading even so ("Emperor Wu" beside the Han
  // and the Xiongnu); relations alone do not ("Castro" stays Fidel's where a spy used it as a cover name).
  if (derived && !isOnPage && !(kin && titled) && explicitHolder(c.entries)) rule('another entity holds this form as its own name');
  if (derived && partOfLongerName(text, tokens, c, flags, page.matcher)) rule('part of a longer unknown name');
  // A weak form (a surname or first name, a one-word name of a person, a dictionary word) of
  // somebody dead or not yet born at the page's dates is a namesake unless the page names them or
  // their relations: "Stewart" on a page about 1940 is not the philosopher Dugald Stewart (1753-1828).
  const oneWordPerson = e.type === 'person' && c.endToken - c.firstToken === 1;
  // A dictionary word capitalised mid-sentence is a name; for a place or an organization that is
  // enough ("to Spain", "in Paris"). People, works and events ("Office Politics", "We") also need
  // a title, the full name or a cue.
  // An everyday abbreviation ("DNA", "GPU") is in capitals wherever it stands, so they prove nothing.
  const properNoun =
    (e.type === 'place' || e.type === 'organization') &&
    !derived &&
    !(flags & FormFlag.Acronym && EVERYDAY_ACRONYMS.has(c.key)) &&
    midSentenceCapital(text, tokens, c, block.titleCase());
  const ownName = c.key === nameKey(e.name);
  // A country named by its own name before its founding is still the land ("India" on a page about
  // 1853, "Panama" in 1819): it keeps its era penalty, so a namesake of the page's era wins, but is
  // not ruled out.
  const landBeforeState = e.type === 'place' && stillStands && ownName && properNoun;
  if (outOfEra && !isOnPage && cue < NEAR_CUE && related + relatedHere === 0 && (derived || common || oneWordPerson) && !landBeforeState)
    rule("outside the page's era, and not named in full");
  // A dictionary word that begins a longer capitalised name is part of that name ("the Mobile
  // Group" is not Mobile, Alabama).
  if (common && !isOnPage && capitalisedAfter(text, tokens, c)) rule('part of a longer capitalised name');
  // A one-word name that is also other people's first name ("Anne" for Queen Anne) is held to the
  // same rule: "Anne Elliot" is somebody else.
  const firstNameLike = !derived && e.type === 'person' && c.endToken - c.firstToken === 1 && hasFlag(c.entries, FormFlag.FirstName);
  if (firstNameLike && partOfLongerName(text, tokens, c, FormFlag.FirstName | FormFlag.Surname, page.matcher))
    rule('a first name here, part of a longer unknown name');
  if (common && !isOnPage && cue < NEAR_CUE && !kin && !(titled && e.type === 'person') && !properNoun)
    rule('dictionary word without a title, the full name, a near cue or close relations');
  if (titled && e.type !== 'person') rule('a title before a non-person');
  // Names inside longer names the dataset does not hold: "Chicago Bulls", "Motilal Nehru",
  // "University of Zagreb". The longer name, when the dataset has it, is matched whole instead. A
  // person's full name may run on into a second surname ("Andrés Nin Pérez"), so it is exempt.
  const oneWord = c.endToken - c.firstToken === 1;
  if ((oneWord || e.type !== 'person') && !(flags & FormFlag.Acronym) && runsOnIntoName(text, tokens, c, block.titleCase(), page.matcher))
    rule('runs on into a longer capitalised name');
  // After another first name ("Mikhail Spiegelglass" for Sergey) the page may simply have the
  // first name wrong, if the person or their relations are named on the page; after anything else
  // it is another name ("Charles Barkley" on a sports page is not Alben W. Barkley).
  const afterName =
    oneWord &&
    (e.type === 'person' || (e.type === 'place' && tokens.key(c.firstToken - 1) === 'new')) &&
    followsUnknownName(text, tokens, c, block.titleCase());
  if (afterName && !((isOnPage || related > 0) && e.type === 'person' && knownFirstName(tokens.key(c.firstToken - 1), page.matcher)))
    rule('after another capitalised name');
  // Far from its era, an alias ("the North" for the Union on a page about Caesar, "the Persian
  // Empire" for the Achaemenids on a page about 800) needs something else on the page for it.
  const namedElsewhere = [...(page.namedBy.get(entity) ?? [])].some((k) => k !== c.key);
  const farFromEra = outOfEra;
  if (farFromEra && !eraBound && !ownName && !soleMultiWordAlias(c, flags, tokens) && !namedElsewhere && cue < NEAR_CUE && related === 0)
    rule("an alias far from the entity's era, with nothing else on the page for it");
  if (eraBound && !inEra) rule('a name it has only in its own era, and the page is not about it');
  // On a page with no history signal ("Beef Wellington", "leaders Liverpool" in a match report) a
  // one-word name that several entities share links only with support beyond itself.
  if (page.quiet && oneWord && sharedForm(c.entries) && !namedElsewhere && cue < NEAR_CUE && related + relatedHere === 0)
    rule('a shared one-word name on a page with no history');
  // "won at Phoenix": after "at" a town is where the game was played (sports-venue.ts), not its team.
  const venue = (page.sports || page.teams.size > 0) && e.type === 'place' && venueOfGame(page.matcher, tokens, c, entity);
  if (page.teams.has(entity) && !venue) rule('a sports team on this page (written before scores)');
  // On a page of sports results, a place with nothing for it but its own name is a team ("leaders
  // Liverpool", "at New Jersey"); "in London" stays the city.
  if (
    page.sports &&
    e.type === 'place' &&
    !inEra &&
    !namedElsewhere &&
    cue < NEAR_CUE &&
    related + relatedHere === 0 &&
    !(c.firstToken > 0 && tokens.key(c.firstToken - 1) === 'in') &&
    !venue
  )
    rule('a place on a page of sports results, with nothing but its name for it (a team)');
  // A name that is a date ("10 August", the insurrection of 1792) followed by another year is a date.
  if (dateOfAnotherYear(tokens, c, e.start)) rule('a date in another year');
  if ((e.type === 'place' || e.type === 'organization') && insideOfName(text, tokens, c, block.titleCase()))
    rule('inside an "X of …" name');
  if (inSlug(text, tokens, c)) rule('part of a hyphenated slug');
  if (e.type !== 'place' && afterSettlementWord(text, tokens, c)) rule('after "the town of", and not a place');
  // Rules of the precision work, session 6 (each in its own module, with its reasons there).
  if (beginsLongerNameOfPage(tokens, c, block.titleCase(), page.longerNames)) rule('begins a longer name the page writes elsewhere');
  if (shipNameAt(tokens, c) && !isShipName(e.name)) rule("a ship's name (after a word for a ship)");
  if (e.type === 'place' && beforeGovernmentWord(tokens, c)) rule('a seat of government before a word for a government');
  if (e.type === 'place' && placedElsewhere(page.matcher, tokens, c, entity)) rule('placed in a region the dataset does not put it in');
  if (aliasBeforeFounding(e, page.medianYear, { ownName, eraBound, namedElsewhere }))
    rule('another name of a state founded after the page');
  if (
    e.type === 'place' &&
    !inEra &&
    related + relatedHere === 0 &&
    cue < NEAR_CUE &&
    !namedElsewhere &&
    battleOfPageEra(page.matcher, tokens, c, page.medianYear, page.onPage)
  )
    rule("a place that names a battle of the page's era, with nothing but its name for the town");
  if (placeAsIngredient(e, tokens, c, page.quiet)) rule('measured by a quantity, on a page with no history (an ingredient)');
  if (beforeIdentifierNumber(tokens, c)) rule('followed by a long number (a bug, ticket or case number)');
  const points = {
    onPage: isOnPage ? 3 : 0,
    cue,
    related: related + relatedHere,
    era,
    title: titled && e.type === 'person' ? 1 : 0,
  };
  return { entity, score, valid, derived, common, reasons, points, eraName: inEra };
}

/** The candidate starts with a day number and the next token is a four-digit year that is not the entity's. */
function dateOfAnotherYear(tokens: TokenScan, c: Candidate, start: string | undefined): boolean {
  const first = tokens.text.charCodeAt(tokens.starts[c.firstToken]!);
  if (first < 48 || first > 57 || c.endToken >= tokens.count || tokens.breakBefore(c.endToken)) return false;
  const next = tokens.key(c.endToken);
  return /^\d{4}$/.test(next) && Number(next) !== yearOf(start);
}

/**
 * Decisions that weigh the candidates of one mention against each other, after each is scored:
 * - an era name on a page about its era ("Britain" on a page about 793 for the island, "Greece" on a
 *   page about 450 BC) outranks places and bodies of other eras or none that hold the same form:
 *   the anachronistic modern state yields to the historical entity where the dataset has one;
 * - after a lower-case "the", a place or thing outranks a person of the same name ("the Hudson" is the
 *   river, not Henry Hudson); a person alone keeps it ("the Buddha").
 * Cost: O(entries) per candidate.
 */
export function weighNamesakes(scored: Scored[], matcher: Matcher, tokens: TokenScan, c: Candidate): void {
  if (scored.length < 2) return;
  placeYieldsToSupportedPerson(scored, matcher);
  eventYieldsToPlaceAfterIn(scored, matcher, tokens, c);
  let eraName = false;
  let thing = false;
  for (const s of scored) {
    if (!s.valid) continue;
    if (s.eraName) eraName = true;
    if (matcher.entity(s.entity).type !== 'person') thing = true;
  }
  // "in Carthage": the city, where the dataset has one of that name, not the power of its era.
  if (eraName && afterLocative(tokens, c) && scored.some((s) => s.valid && !s.eraName && isSettlement(matcher, s.entity))) {
    for (const s of scored) {
      if (s.valid && s.eraName) {
        s.valid = false;
        s.reasons.push('after "in": the city of that name, not the state of its era');
      }
    }
    eraName = false;
  }
  if (eraName) {
    for (const s of scored) {
      const type = matcher.entity(s.entity).type;
      if (s.valid && !s.eraName && s.points.era <= 0 && (type === 'place' || type === 'organization')) {
        s.valid = false;
        s.reasons.push("another place of the same name is the page's era's");
      }
    }
  }
  const prev = c.firstToken - 1;
  if (
    thing &&
    prev >= 0 &&
    !tokens.breakBefore(c.firstToken) &&
    tokens.key(prev) === 'the' &&
    tokens.text.charCodeAt(tokens.starts[prev]!) === 116
  ) {
    for (const s of scored) {
      if (s.valid && matcher.entity(s.entity).type === 'person') {
        s.valid = false;
        s.reasons.push('after "the": a place or thing of that name, not the person');
      }
    }
  }
}

/** Two or more entities hold the form, counting derived name parts but not era names (those need a page in their era). */
function sharedForm(entries: readonly number[]): boolean {
  let holders = 0;
  for (let k = 1; k < entries.length; k += 2) if (!(entries[k]! & FormFlag.EraBound)) holders++;
  return holders > 1;
}

/**
 * The one reason a card gives for a link (see ./why), from the winner's own evidence: the kind
 * that gave it the most points (cue, then the full name on the page, relations, era, title on a
 * tie). Called once per linked mention, never per candidate, so finding the cue's text is off the
 * hot path.
 */
export function whyLinked(page: PageEvidence, block: BlockEvidence, c: Candidate, winner: Scored, namesakes: number): string | undefined {
  // Its own name, no namesake, not a dictionary word: linked because that is its name.
  if (namesakes <= 1 && !winner.derived && !winner.common) return undefined;
  const p = winner.points;
  const best = Math.max(p.cue, p.onPage, p.related, p.era, p.title);
  if (best <= 0) return encodeWhy(WHY.likeliest);
  if (p.cue === best) {
    const cue = bestCue(page.matcher, winner.entity, block.tokens, c, block.positions);
    if (cue) {
      const { starts, ends } = block.tokens;
      return encodeWhy(WHY.cue, block.text.slice(starts[cue.token]!, ends[cue.token + cue.words - 1]!));
    }
  }
  // Through its own (shared) form, "on the page" means the same name was linked to it elsewhere.
  if (p.onPage === best) return encodeWhy(winner.derived ? WHY.namedOnPage : WHY.sameSense);
  if (p.related === best) {
    const other = firstRelated(page.matcher, winner.entity, block.entities) ?? firstRelated(page.matcher, winner.entity, page.onPage);
    if (other !== undefined) return encodeWhy(WHY.related, page.matcher.entity(other).name);
  }
  if (p.era === best && page.medianYear !== undefined) return encodeWhy(WHY.era, page.medianYear);
  if (p.title === best) return encodeWhy(WHY.title);
  return encodeWhy(WHY.likeliest);
}
