/**
 * Detection in the background: the matching index (data/match.json) is loaded once per
 * service-worker life and shared by every tab, so a tab pays no memory for the dataset. The cards'
 * text (data/cards.json, two thirds of the bytes) loads right after, off the path to the first
 * highlights: detections answered before it lands carry names and types, and cards ask for the rest.
 */
import { DramatisError } from '../core/protocol/errors';
import browser from 'webextension-polyfill';
import { isCardEntity, type CardEntity, type CardExtra, type CompiledIndex, type MatchEntity } from '../core/index/format';
import { Matcher } from '../core/match/matcher';
import { withPersonal, type PersonalEntity } from '../core/personal';
import { listPersonal } from './personal-store';
import { resolveDocument } from '../core/match/resolve';
import type { DetectResult } from '../core/protocol/messages';
import type { Relation } from '../core/dataset/types';
import { relationLines, type RelationLine } from '../core/relations';

let matcherPromise: Promise<Matcher> | undefined;
let byId: Map<string, MatchEntity> | undefined;
let cardsPromise: Promise<Map<string, CardExtra>> | undefined;
let cardsLoaded: Map<string, CardExtra> | undefined;

async function loadMatcher(): Promise<Matcher> {
  const [response, personal] = await Promise.all([
    fetch(browser.runtime.getURL('data/match.json')),
    listPersonal().catch(() => [] as PersonalEntity[]),
  ]);
  if (!response.ok) throw new Error(`the bundled dataset could not be read (${response.status})`);
  const index = withPersonal((await response.json()) as CompiledIndex<MatchEntity>, personal);
  byId = new Map(index.entities.map((e) => [e.id, e]));
  incoming = undefined;
  const matcher = new Matcher(index);
  void loadCards().catch(() => undefined);
  return matcher;
}

/** The cards' text, by id; fetched once per worker life. */
function loadCards(): Promise<Map<string, CardExtra>> {
  cardsPromise ??= fetch(browser.runtime.getURL('data/cards.json'))
    .then((r) => {
      if (!r.ok) throw new Error(`the bundled card texts could not be read (${r.status})`);
      return r.json() as Promise<Record<string, CardExtra>>;
    })
    .then((cards) => (cardsLoaded = new Map(Object.entries(cards))))
    .catch((err) => {
      cardsPromise = undefined;
      throw err;
    });
  return cardsPromise;
}

/** An entity's full card record (personal entities carry theirs already). */
function withCard(e: MatchEntity, cards: Map<string, CardExtra> | undefined): MatchEntity | CardEntity {
  if (isCardEntity(e)) return e;
  const extra = cards?.get(e.id);
  return extra ? { ...e, ...extra } : e;
}

/** After personal entities change: the next detection reloads the index with them. */
export function reloadMatcher(): void {
  matcherPromise = undefined;
}

/** The matcher, loading the index on first use; a failed load is retried on the next call. */
export function getMatcher(): Promise<Matcher> {
  matcherPromise ??= loadMatcher().catch((err) => {
    matcherPromise = undefined;
    throw err;
  });
  return matcherPromise;
}

export async function detect(blocks: string[], onPage?: string[]): Promise<DetectResult> {
  const matcher = await getMatcher();
  const { mentions, years } = resolveDocument(blocks, matcher, { onPage });
  const entities: Record<string, MatchEntity | CardEntity> = {};
  for (const m of mentions) for (const id of m.id ? [m.id] : (m.candidates ?? [])) entities[id] ??= withCard(byId!.get(id)!, cardsLoaded);
  return { mentions, entities, years };
}

let incoming: Map<string, { from: string; relation: Relation }[]> | undefined;

/** Relations pointing at each entity, built once per worker life on the first card (a few ms). */
function incomingRelations(cards: Map<string, CardExtra>): Map<string, { from: string; relation: Relation }[]> {
  if (!incoming) {
    incoming = new Map();
    for (const [from, c] of cards)
      for (const r of c.related ?? []) {
        let list = incoming.get(r.id);
        if (!list) incoming.set(r.id, (list = []));
        list.push({ from, relation: r.relation });
      }
  }
  return incoming;
}

/** Relation lines for a card, those on the page first. */
export async function cardRelations(id: string, onPage: string[]): Promise<RelationLine[]> {
  await getMatcher();
  const cards = await loadCards();
  if (!byId!.has(id)) throw new DramatisError('not-found', `unknown entity "${id}"`);
  return relationLines(
    id,
    cards.get(id)?.related ?? [],
    incomingRelations(cards).get(id) ?? [],
    (other) => byId!.get(other),
    new Set(onPage),
  );
}

export async function entityById(id: string): Promise<CardEntity | undefined> {
  await getMatcher();
  const e = byId!.get(id);
  if (!e) return undefined;
  const full = withCard(e, await loadCards());
  return isCardEntity(full) ? full : undefined;
}

export async function getEntities(ids: string[]): Promise<CardEntity[]> {
  await getMatcher();
  const cards = await loadCards();
  return ids.flatMap((id) => {
    const e = byId!.get(id);
    const full = e ? withCard(e, cards) : undefined;
    return full && isCardEntity(full) ? [full] : [];
  });
}
