import { describe, expect, it } from 'vitest';
import { toBinary } from '../index/binary';
import { compileIndex } from '../index/compile';
import { Matcher } from '../match/matcher';
import { resolveDocument } from '../match/resolve';
import { validateDataset } from '../dataset/validate';
import { FIXTURE_DATA } from '../../../test/fixtures/fixture-index';
import { loadCommonWords, readSourceFiles } from '../../../tools/dataset/files';
import { packEntityIds, packIdOf, type Pack, type StoredPack } from './format';
import { buildPackLayer, entityRelationLines, packTitles } from './table';

const dataset = (() => {
  const { files } = readSourceFiles(FIXTURE_DATA);
  return compileIndex(validateDataset(files, loadCommonWords()).entities, loadCommonWords());
})();
const byTitle = new Map(dataset.entities.map((e) => [e.wikipedia, e.id]));

const pack: Pack = {
  dramatisPack: 1,
  title: 'Defectors seminar',
  entities: [
    { name: 'Walter Krivitsky', type: 'person', wikipedia: 'Walter Krivitsky', description: 'Seminar 2: his memoir.' },
    { name: 'Elsa Poretsky', type: 'person', aliases: ['Elsa Reiss'], description: "Reiss's widow, author of a memoir.", died: '1978' },
    { name: 'Our Own People', type: 'work', related: [{ name: 'Elsa Poretsky', relation: 'written_by' }] },
  ],
  notes: [
    { entity: 'Walter Krivitsky', text: 'Compare with the FBI file.' },
    { entity: 'Elsa Poretsky', text: 'Read chapter 9.' },
  ],
};
const stored = (enabled = true): StoredPack => ({ id: packIdOf(pack.title), enabled, imported: 0, updated: 0, pack });

function detectWith(packs: StoredPack[], text: string) {
  const layer = buildPackLayer([], packs, (t) => byTitle.get(t));
  const matcher = new Matcher(toBinary(dataset), layer.table?.index);
  return { layer, mentions: resolveDocument([text], matcher).mentions.map((m) => [text.slice(m.start, m.end), m.id]) };
}

describe('the second table from packs', () => {
  const text = 'Walter Krivitsky met Elsa Poretsky in Paris, and Our Own People tells it.';

  it('an entity with a bundled title is the bundled entity: no second entity, the pack rides on its card', () => {
    const { layer, mentions } = detectWith([stored()], text);
    const ids = packEntityIds(pack);
    expect(mentions).toEqual([
      ['Walter Krivitsky', 'walter-krivitsky'],
      ['Elsa Poretsky', ids[1]],
      ['Our Own People', ids[2]],
    ]);
    expect(layer.table!.entities.map((e) => e.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect(layer.overlays.get('walter-krivitsky')).toEqual([
      {
        packId: packIdOf(pack.title),
        packTitle: 'Defectors seminar',
        description: 'Seminar 2: his memoir.',
        notes: ['Compare with the FBI file.'],
      },
    ]);
    // A pack-only entity's description is its card's own; the overlay carries the label and notes.
    expect(layer.overlays.get(ids[1]!)).toEqual([
      { packId: packIdOf(pack.title), packTitle: 'Defectors seminar', notes: ['Read chapter 9.'] },
    ]);
    expect(layer.table!.entities.find((e) => e.id === ids[2])!.related).toEqual([{ id: ids[1], relation: 'written_by' }]);
  });

  it('a pack turned off adds nothing', () => {
    const { layer, mentions } = detectWith([stored(false)], text);
    expect(layer.table).toBeUndefined();
    expect(layer.overlays.size).toBe(0);
    expect(mentions).toEqual([['Walter Krivitsky', 'walter-krivitsky']]);
  });

  it('the place after "of" in a pack name is not taken for a surname', () => {
    const jerome: Pack = { dramatisPack: 1, title: 'P', entities: [{ name: 'Jerome of Prague', type: 'person' }], notes: [] };
    const layer = buildPackLayer([], [{ id: packIdOf('P'), enabled: true, imported: 0, updated: 0, pack: jerome }], () => undefined);
    const matcher = new Matcher(toBinary(dataset), layer.table!.index);
    const text = 'Jerome of Prague went home to Prague.';
    expect(resolveDocument([text], matcher).mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Jerome of Prague']);
  });

  it('lists the titles to resolve once each', () => {
    expect(packTitles([pack, pack])).toEqual(['Walter Krivitsky']);
  });
});

describe('relations a pack draws', () => {
  const seminar: Pack = {
    dramatisPack: 1,
    title: 'Relations seminar',
    entities: [
      {
        name: 'Walter Krivitsky',
        type: 'person',
        wikipedia: 'Walter Krivitsky',
        related: [{ name: 'Elsa Poretsky', relation: 'colleague_of' }],
      },
      {
        name: 'Elsa Poretsky',
        type: 'person',
        related: [
          { wikipedia: 'Ignace Reiss', relation: 'spouse_of' },
          // Neither in the pack nor bundled: nothing to card, so not drawn.
          { wikipedia: 'No Such Article', relation: 'friend_of' },
        ],
      },
      { name: 'Our Own People', type: 'work', related: [{ name: 'Elsa Poretsky', relation: 'written_by' }] },
    ],
    notes: [],
  };
  const storedSeminar = (enabled = true): StoredPack => ({ id: packIdOf(seminar.title), enabled, imported: 0, updated: 0, pack: seminar });
  const [, elsa, book] = packEntityIds(seminar);

  function cardLines(packs: StoredPack[], id: string, onPage: string[] = []) {
    const layer = buildPackLayer([], packs, (t) => byTitle.get(t));
    const matcher = new Matcher(toBinary(dataset), layer.table?.index);
    return entityRelationLines(matcher, id, layer.links, new Set(onPage)).map((l) => `${l.phrase} ${l.name}${l.onPage ? ' (here)' : ''}`);
  }

  it('resolves the titles of related bundled entities with the entities', () => {
    expect(packTitles([seminar]).sort()).toEqual(['Ignace Reiss', 'No Such Article', 'Walter Krivitsky']);
  });

  it("a pack entity's card shows its relations to the pack's entities and to bundled ones, both ways", () => {
    // Her own relations first, then those naming her (the table's, then the cross-table ones).
    expect(cardLines([storedSeminar()], elsa!)).toEqual([
      'married to Ignace Reiss',
      'author of Our Own People',
      'colleague of Walter Krivitsky',
    ]);
    expect(cardLines([storedSeminar()], book!, [elsa!])).toEqual(['written by Elsa Poretsky (here)']);
  });

  it("a bundled entity's card keeps its own relations and shows the ones a pack draws to it or from it", () => {
    // Reiss: the dataset's Krivitsky friend_of Reiss (reverse), and the pack's Elsa spouse_of Reiss (reverse).
    expect(cardLines([storedSeminar()], 'ignace-reiss')).toEqual(['friend of Walter Krivitsky', 'married to Elsa Poretsky']);
    // Krivitsky (the pack names him by his title): the dataset's relation and the pack's own.
    expect(cardLines([storedSeminar()], 'walter-krivitsky')).toEqual(['friend of Ignace Reiss', 'colleague of Elsa Poretsky']);
  });

  it('a pack turned off draws nothing', () => {
    expect(cardLines([storedSeminar(false)], 'ignace-reiss')).toEqual(['friend of Walter Krivitsky']);
    expect(buildPackLayer([], [storedSeminar(false)], (t) => byTitle.get(t)).links.size).toBe(0);
  });
});
