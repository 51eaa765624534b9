/**
 * Deterministic synthetic datasets for benchmarks at scale. `syntheticEntities` makes entities shaped
 * and sized like the real dataset (assets/data): a mix of people, places, events, organizations and
 * works with invented names, aliases, dates, descriptions of realistic length, Wikipedia titles,
 * relations to earlier entities and tags, valid under the dataset validator (so the build accepts
 * them beside the real files). `inventedPeople` is the older, simpler set (two-word people only).
 */
import type { Entity, EntityType, Related, Relation } from '../../src/core/dataset/types';
import { foldKey, slugOf } from '../../src/core/text/fold';
import { nameKey } from '../../src/core/text/tokens';

/** Mulberry32: a tiny seeded PRNG, so every run benchmarks the same names. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'z',
  'zh',
  'sh',
  'ch',
  'h',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ya', 'yo'];
const CODAS = ['', 'n', 'r', 'l', 's', 'v', 'k', 'sky', 'ov', 'in', 'man', 'berg', 'ski', 'enko'];

function word(rand: () => number, syllables: number, codas: readonly string[] = CODAS): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += ONSETS[Math.floor(rand() * ONSETS.length)]! + VOWELS[Math.floor(rand() * VOWELS.length)]!;
  w += codas[Math.floor(rand() * codas.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** The older set: N people with invented two-word names and one surname alias each. */
export function inventedPeople(n: number, seed = 42): Entity[] {
  const rand = prng(seed);
  const out: Entity[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const first = word(rand, 1 + Math.floor(rand() * 2));
    const last = word(rand, 2 + Math.floor(rand() * 2));
    const name = `${first} ${last}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const id = `synthetic-${out.length}`;
    out.push({
      id,
      type: 'person',
      name,
      aliases: [last],
      description: `Invented person number ${out.length} for benchmarks.`,
      wikipedia: id,
    });
  }
  return out;
}

// Vocabulary for names and descriptions. Only the invented words carry the names; these lists give
// descriptions their shape and length (the real ones average about 145 characters, these about 110).
const PLACE_CODAS = ['', 'a', 'ia', 'o', 'en', 'burg', 'grad', 'ton', 'mar', 'ville', 'stan', 'ora', 'ik', 'heim', 'polis'];
const PARTICLES = ['de', 'von', 'van', 'da', 'du', 'di', 'del', 'van der'];
const OCCUPATIONS = [
  'politician',
  'general',
  'poet',
  'novelist',
  'painter',
  'composer',
  'physicist',
  'chemist',
  'philosopher',
  'historian',
  'diplomat',
  'journalist',
  'bishop',
  'merchant',
  'engineer',
  'economist',
  'revolutionary',
  'jurist',
  'explorer',
  'architect',
  'admiral',
  'actress',
  'sculptor',
  'mathematician',
  'trade unionist',
  'physician',
  'theologian',
  'banker',
  'spy',
  'monarch',
];
const PERSON_DEEDS = [
  'led the opposition in {p} for two decades',
  'wrote a widely read account of the war in {p}',
  'founded the first modern school of medicine in {p}',
  'negotiated the settlement that ended the border dispute with {p}',
  'reformed the tax system of {p}',
  'commanded the garrison of {p} during the siege',
  'was exiled to {p} after a failed uprising',
  'built the railway bridges of {p}',
  'painted the cathedral frescoes of {p}',
  'directed the observatory at {p}',
  'published the first grammar of the language of {p}',
  'organised the dock strikes in {p}',
  'served as governor of {p}',
  'mapped the interior of {p}',
  'ran an intelligence network from {p}',
  'translated the classics while teaching in {p}',
  'championed the abolition of serfdom in {p}',
  'designed the new parliament building in {p}',
  'led the cavalry charge at {p}',
  'chaired the commission of inquiry into the famine in {p}',
];
const EXTRA_CLAUSES = [
  ', later remembered as a reformer',
  ', and was twice imprisoned for it',
  ', before retiring to write memoirs',
  ' and later broke with former allies',
  ', a career cut short by illness',
  ' in the years of the great depression',
  ', often in open conflict with the church',
  ' with the support of the merchant guilds',
  ', work that was only recognised after death',
  ' while corresponding with scholars across the continent',
];
const SECOND_SENTENCES = [
  ' Letters from this period survive in several archives.',
  ' The name is still given to streets and schools in the region.',
  ' Historians still disagree about the motives behind it.',
  ' The archive was lost in a fire and is known only from copies.',
  ' Contemporaries described the result as a turning point.',
  ' A monument was raised on the site a century later.',
];
const PLACE_KINDS = ['port city', 'market town', 'mountain region', 'river valley', 'island', 'fortress town', 'province', 'capital'];
const PLACE_FACTS = [
  'known for its shipyards and textile mills',
  'long contested between rival empires',
  'seat of a prince-bishop until secularisation',
  'where a major peace congress met',
  'that grew rich on the salt trade',
  'destroyed by an earthquake and rebuilt on a grid',
  'on the old caravan route to the coast',
  'whose university trained generations of lawyers',
  'occupied twice during the world wars',
  'famous for its annual horse fair',
];
const EVENT_FORMS = ['Battle of {p}', 'Treaty of {p}', '{a} War', '{a} Revolution', 'Siege of {p}', 'Congress of {p}', '{a} Uprising'];
const EVENT_FACTS = [
  'in which the coalition armies were routed',
  'that ended decades of intermittent fighting',
  'which redrew the frontier along the river',
  'that brought down the old dynasty',
  'fought in heavy rain over marshy ground',
  'which forced the crown to accept a constitution',
  'that cost the city a third of its population',
  'negotiated by envoys of five powers',
  'sparked by a dispute over grain prices',
  'remembered for the first use of field telegraphs',
];
const ORG_KINDS = [
  'Party',
  'Company',
  'Society',
  'League',
  'Bank',
  'Workers Party',
  'Trading Company',
  'Academy of Sciences',
  'Liberal Union',
  'National Front',
];
const ORG_FACTS = [
  'that dominated parliament for a generation',
  'chartered to trade with the eastern ports',
  'founded by exiles and banned at home',
  'which financed the first railways',
  'that split over the question of the war',
  'whose members led the independence movement',
  'that published the national encyclopedia',
  'which merged with its rival after the elections',
];
const WORK_HEADS = [
  'Chronicle',
  'Book',
  'Song',
  'Ballad',
  'History',
  'Wealth',
  'Spirit',
  'Principles',
  'Fall',
  'Rise',
  'Siege',
  'Voyage',
  'Laws',
  'Mirror',
  'Garden',
  'Silence',
  'Road',
  'House',
  'Testament',
  'Letters',
];
const WORK_KINDS = ['novel', 'treatise', 'epic poem', 'opera', 'play', 'memoir', 'political pamphlet', 'history'];
const WORK_FACTS = [
  'banned by the censors on publication',
  'that set the fashion for historical romance',
  'read aloud in the coffee houses of the capital',
  'whose preface became a manifesto',
  'left unfinished at the author\u2019s death',
  'translated into a dozen languages within a decade',
  'that founded the modern study of the subject',
  'first performed before the court',
];
const TAGS = [
  'europe',
  'asia',
  'africa',
  'americas',
  'middle-east',
  'medieval',
  'early-modern',
  '18th-century',
  '19th-century',
  '20th-century',
  'war',
  'diplomacy',
  'literature',
  'science',
  'religion',
  'trade',
  'revolution',
  'empire',
  'labour',
  'art',
  'music',
  'exploration',
  'law',
  'espionage',
];
const QUALIFIERS: Record<EntityType, string[]> = {
  person: OCCUPATIONS,
  place: ['city', 'town', 'region', 'island', 'river'],
  event: [],
  organization: ['political party', 'company', 'society'],
  work: WORK_KINDS,
};

/** The type mix of the real dataset, as cumulative shares. */
const MIX: [EntityType, number][] = [
  ['person', 0.45],
  ['place', 0.62],
  ['event', 0.8],
  ['organization', 0.91],
  ['work', 1],
];

export interface SyntheticOptions {
  /** Keys to keep clear of: nameKey of names, aliases and titles, and ids, of entities they will sit beside. */
  avoid?: ReadonlySet<string>;
}

/**
 * N entities shaped like the real dataset, the same for the same n and seed: about 45% people (first
 * and last name, some with a middle name or a particle, a surname alias for about half, dates for
 * most), 17% places (coords; some "New X" or "X River"), 18% events (battles, treaties, wars,
 * revolutions, with start and end), 11% organizations (some with an acronym and the cues it needs),
 * 9% works ("The X of Y", written by an earlier person). Descriptions average about 110 characters and
 * are unique; the Wikipedia title is the name for about 90% (else "Name (qualifier)"); about one
 * relation per entity to an earlier one, pointing the way the validator requires.
 */
/** The keys a synthetic set must keep clear of to sit beside `entities`: their ids and the nameKey of names, titles and aliases. */
export function keysOf(entities: readonly Entity[]): Set<string> {
  const avoid = new Set<string>();
  for (const e of entities) {
    avoid.add(e.id);
    for (const form of [e.name, e.wikipedia, ...(e.aliases ?? [])]) avoid.add(nameKey(form));
  }
  return avoid;
}

export function syntheticEntities(n: number, seed = 42, options: SyntheticOptions = {}): Entity[] {
  const rand = prng(seed);
  const avoid = options.avoid ?? new Set<string>();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (v: number, width: number) => String(v).padStart(width, '0');
  const date = (year: number): string => {
    const r = rand();
    if (r < 0.55) {
      const month = int(1, 12);
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(int(1, 28), 2)}`;
    }
    return r < 0.65 ? `${pad(year, 4)}-${pad(int(1, 12), 2)}` : pad(year, 4);
  };

  const out: Entity[] = [];
  const byType: Record<EntityType, number[]> = { person: [], place: [], event: [], organization: [], work: [] };
  /** Names, titles, multi-word aliases and ids in use (an alias may not be another's name or title). */
  const taken = new Set<string>();
  const aliasKeys = new Set<string>();
  const descriptions = new Set<string>();
  const isFree = (s: string) => !taken.has(s) && !avoid.has(s);
  const firstNames = Array.from({ length: 700 }, () => word(rand, 1 + Math.floor(rand() * 2)));
  const placeNames: string[] = [];
  const adjective = (place: string) => (/[aeiou]$/.test(place) ? `${place}n` : `${place}ian`);
  const somePlace = () => (placeNames.length > 20 && chance(0.7) ? pick(placeNames) : word(rand, 2, PLACE_CODAS));
  const earlier = (type: EntityType): Entity | undefined => {
    const list = byType[type];
    return list.length === 0 ? undefined : out[list[Math.floor(rand() * list.length)]!];
  };
  const describe = (make: () => string): string => {
    for (let attempt = 0; ; attempt++) {
      let d = make();
      if (chance(0.65)) d += pick(EXTRA_CLAUSES);
      if (attempt > 3) d += ` in ${somePlace()}`;
      d += '.';
      if (chance(0.25)) d += pick(SECOND_SENTENCES);
      const key = foldKey(d);
      if (!descriptions.has(key)) {
        descriptions.add(key);
        return d[0]!.toUpperCase() + d.slice(1);
      }
    }
  };
  const tags = () => Array.from(new Set(Array.from({ length: int(1, 4) }, () => pick(TAGS))));
  const yearSpan = () => int(1000, 1960);

  while (out.length < n) {
    const r = rand();
    const type = MIX.find(([, p]) => r < p)![0];
    let name: string;
    let e: Entity;
    const aliases: string[] = [];
    const related: Related[] = [];
    const relate = (target: Entity | undefined, relation: Relation) => {
      if (target && !related.some((x) => x.id === target.id)) related.push({ id: target.id, relation });
    };
    let relations = chance(0.25) ? 0 : chance(0.73) ? 1 : chance(0.75) ? 2 : 3;
    const qualified = chance(0.1);

    if (type === 'person') {
      // Namesakes happen: half of the qualified titles reuse an earlier person's name.
      const namesake = qualified && chance(0.5) ? earlier('person') : undefined;
      let last: string;
      if (namesake) {
        name = namesake.name;
        last = name.split(' ').pop()!;
      } else {
        const first = pick(firstNames);
        last = word(rand, 2 + Math.floor(rand() * 2));
        const middle = chance(0.15) ? `${pick(firstNames)} ` : '';
        const particle = chance(0.08) ? `${pick(PARTICLES)} ` : '';
        name = `${first} ${middle}${particle}${last}`;
      }
      const born = chance(0.85) ? int(1000, 1940) : undefined;
      const died = born !== undefined && chance(0.9) ? Math.min(born + int(25, 95), 2024) : undefined;
      const where = somePlace();
      const description = describe(() => {
        const nationality = adjective(chance(0.5) ? where : somePlace());
        return `${nationality} ${pick(OCCUPATIONS)} who ${pick(PERSON_DEEDS).replace('{p}', somePlace())}`;
      });
      if (chance(0.5)) aliases.push(last);
      if (chance(0.06)) aliases.push(`${pick(firstNames)} ${word(rand, 2)}`);
      e = { id: '', type, name, aliases, description, wikipedia: name };
      if (born !== undefined) e.born = date(born);
      if (died !== undefined) e.died = date(died);
      if (chance(0.12)) e.roles = [`governor of ${somePlace()} ${born ? born + 40 : 1800}-${born ? born + 46 : 1806}`];
      if (chance(0.3) && byType.place.length > 0) e.places = [earlier('place')!.id];
      if (chance(0.15)) e.cues = [pick(OCCUPATIONS).split(' ')[0]!, where.toLowerCase()];
      for (; relations > 0; relations--) {
        const k = rand();
        if (k < 0.5) relate(earlier('person'), pick(['colleague_of', 'friend_of', 'rival_of', 'ally_of', 'student_of'] as const));
        else if (k < 0.8) relate(earlier('organization'), pick(['member_of', 'founded', 'led'] as const));
        else relate(earlier('event'), 'participant_in');
      }
    } else if (type === 'place') {
      const base = word(rand, 2 + Math.floor(rand() * 2), PLACE_CODAS);
      const k = rand();
      name = k < 0.1 && placeNames.length > 0 ? `New ${pick(placeNames)}` : k < 0.18 ? `${base} River` : base;
      if (!name.includes(' ')) placeNames.push(name);
      const description = describe(() => `${pick(PLACE_KINDS)} ${chance(0.5) ? `in ${somePlace()} ` : ''}${pick(PLACE_FACTS)}`);
      if (chance(0.15)) aliases.push(word(rand, 2, PLACE_CODAS));
      e = { id: '', type, name, aliases, description, wikipedia: name };
      e.coords = [Math.round((rand() * 130 - 60) * 100) / 100, Math.round((rand() * 360 - 180) * 100) / 100];
      if (chance(0.5)) {
        const year = yearSpan();
        e.start = pad(year, 4);
      }
      for (; relations > 0; relations--) relate(earlier('place'), 'located_in');
    } else if (type === 'event') {
      const p = somePlace();
      name = pick(EVENT_FORMS).replace('{p}', p).replace('{a}', adjective(p));
      const year = yearSpan();
      const long = /War|Revolution|Congress|Siege/.test(name);
      const description = describe(() => `${long ? 'conflict' : 'encounter'} of ${year} ${pick(EVENT_FACTS)}`);
      if (chance(0.2)) aliases.push(name.startsWith('Battle of') ? `${p} Campaign` : `${p} Affair`);
      e = { id: '', type, name, aliases, description, wikipedia: name, start: date(year) };
      const endYear = year + (long ? int(0, 8) : 0);
      e.end = endYear === year ? e.start : date(endYear);
      if (chance(0.3) && byType.place.length > 0) e.places = [earlier('place')!.id];
      for (; relations > 0; relations--) relate(chance(0.5) ? earlier('event') : earlier('place'), 'part_of');
    } else if (type === 'organization') {
      const p = somePlace();
      name = `${chance(0.6) ? adjective(p) : p} ${pick(ORG_KINDS)}`;
      const description = describe(
        () => `${pick(['political party', 'company', 'learned society', 'trade union'])} of ${somePlace()} ${pick(ORG_FACTS)}`,
      );
      e = { id: '', type, name, aliases, description, wikipedia: name };
      if (chance(0.4)) {
        // An acronym of one to four capitals must come with cues (the validator's rule).
        aliases.push(
          name
            .split(' ')
            .map((w) => w[0]!)
            .join('')
            .toUpperCase(),
        );
        e.cues = [name.split(' ').pop()!.toLowerCase(), p.toLowerCase()];
      }
      const year = yearSpan();
      e.start = pad(year, 4);
      if (chance(0.5)) e.end = pad(year + int(3, 120), 4);
      if (chance(0.3) && byType.place.length > 0) e.places = [earlier('place')!.id];
      for (; relations > 0; relations--) relate(earlier('organization'), pick(['ally_of', 'rival_of', 'successor_of'] as const));
    } else {
      name = `The ${pick(WORK_HEADS)} of ${chance(0.5) ? somePlace() : word(rand, 2)}`;
      const description = describe(() => `${pick(WORK_KINDS)} by a ${adjective(somePlace())} author ${pick(WORK_FACTS)}`);
      e = { id: '', type, name, aliases, description, wikipedia: name };
      const author = earlier('person');
      const bornYear = author?.born ? Number(author.born.slice(0, 4)) : undefined;
      if (author && relations > 0) {
        relate(author, 'written_by');
        if (bornYear !== undefined) e.start = pad(bornYear + int(20, 60), 4);
      } else if (chance(0.6)) e.start = pad(yearSpan(), 4);
    }

    if (qualified && type !== 'event') e.wikipedia = `${name} (${pick(QUALIFIERS[type])})`;
    else if (qualified) e.wikipedia = `${name} (${e.start!.slice(0, 4)})`;
    e.id = slugOf(e.wikipedia);
    const nameK = nameKey(name);
    const titleK = nameKey(e.wikipedia);
    // A name may repeat only as a namesake under its own qualified title; ids and titles never.
    const nameClash = e.wikipedia === name ? !isFree(nameK) : avoid.has(nameK) || aliasKeys.has(nameK);
    if (nameClash || !isFree(titleK) || !isFree(e.id) || e.id === '') continue;
    e.aliases = aliases.filter((a) => {
      const k = nameKey(a);
      return k !== nameK && (!k.includes(' ') || isFree(k));
    });
    if (e.aliases.length === 0) delete e.aliases;
    if (related.length > 0) e.related = related;
    e.tags = tags();
    taken.add(nameK);
    taken.add(titleK);
    taken.add(e.id);
    for (const a of e.aliases ?? []) {
      const k = nameKey(a);
      if (k.includes(' ')) {
        taken.add(k);
        aliasKeys.add(k);
      }
    }
    byType[type].push(out.length);
    out.push(e);
  }
  return out;
}
