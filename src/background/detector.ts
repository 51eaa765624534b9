/**
 * Detection in the background: the compiled index is loaded once per service-worker life (about
 * 20 ms for 3,000 entities) and shared by every tab, so a tab pays no memory for the dataset.
 */
import browser from 'webextension-polyfill';
import type { CardEntity, CompiledIndex } from '../core/index/format';
import { Matcher } from '../core/match/matcher';
import { withPersonal, type PersonalEntity } from '../core/personal';
import { listPersonal } from './personal-store';
import { resolveDocument } from '../core/match/resolve';
import type { DetectResult } from '../core/protocol/messages';
import type { Relation } from '../core/dataset/types';
import { relationLines, type RelationLine } from '../core/relations';

let matcherPromise: Promise<Matcher> | undefined;
let byId: Map<string, CardEntity> | undefined;

async function loadMatcher(): Promise<Matcher> {
  const [response, personal] = await Promise.all([
    fetch(browser.runtime.getURL('data/index.json')),
    listPersonal().catch(() => [] as PersonalEntity[]),
  ]);
  if (!response.ok) throw new Error(`the bundled dataset could not be read (${response.status})`);
  const index = withPersonal((await response.json()) as CompiledIndex, personal);
  byId = new Map(index.entities.map((e) => [e.id, e]));
  incoming = undefined;
  return new Matcher(index);
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

export async function detect(blocks: string[], choices?: Record<string, string>, onPage?: string[]): Promise<DetectResult> {
  const matcher = await getMatcher();
  const years: number[] = [];
  const mentions = resolveDocument(blocks, matcher, { choices, onPage, years });
  const entities: Record<string, CardEntity> = {};
  for (const m of mentions) for (const id of m.id ? [m.id] : m.candidates ?? []) entities[id] ??= byId!.get(id)!;
  return { mentions, entities, years };
}

let incoming: Map<string, { from: string; relation: Relation }[]> | undefined;

/** Relations pointing at each entity, built once per worker life on the first card (a few ms). */
function incomingRelations(): Map<string, { from: string; relation: Relation }[]> {
  if (!incoming) {
    incoming = new Map();
    for (const e of byId!.values()) for (const r of e.related ?? []) {
      let list = incoming.get(r.id);
      if (!list) incoming.set(r.id, (list = []));
      list.push({ from: e.id, relation: r.relation });
    }
  }
  return incoming;
}

/** Relation lines for a card, those on the page first. */
export async function cardRelations(id: string, onPage: string[]): Promise<RelationLine[]> {
  await getMatcher();
  const e = byId!.get(id);
  if (!e) throw new Error(`unknown entity "${id}"`);
  return relationLines(id, e.related ?? [], incomingRelations().get(id) ?? [], (other) => byId!.get(other), new Set(onPage));
}

export async function entityById(id: string): Promise<CardEntity | undefined> {
  await getMatcher();
  return byId!.get(id);
}

export async function getEntities(ids: string[]): Promise<CardEntity[]> {
  await getMatcher();
  return ids.flatMap((id) => (byId!.has(id) ? [byId!.get(id)!] : []));
}
