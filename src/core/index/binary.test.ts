import { describe, expect, it } from 'vitest';
import { BINARY_INDEX_VERSION, BinaryIndex, encodeIndex, IndexFormatError, toBinary } from './binary';
import { compileIndex } from './compile';
import { formEntries } from './format';
import { INDEX_ENTITIES as entities } from '../../../test/fixtures/index-entities';

const compiled = compileIndex(entities, new Set());

describe('the binary index', () => {
  const index = toBinary(compiled);

  it('holds every entity record, decoded on demand, and finds each by id', () => {
    expect(index.entityCount).toBe(3);
    compiled.entities.forEach((e, i) => {
      const { description: _d, wikipedia: _w, related: _r, roles: _ro, tags: _t, coords: _c, ...match } = e;
      expect(index.entity(i)).toEqual(match);
      expect(index.idOf(i)).toBe(e.id);
      expect(index.indexOf(e.id)).toBe(i);
    });
    expect(index.indexOf('nobody')).toBeUndefined();
  });

  it('holds every form key with the same entries as the compiled index, and its table finds them', () => {
    expect(index.keyCount).toBe(compiled.forms.keys.length);
    compiled.forms.keys.forEach((key, k) => {
      expect(index.key(k)).toBe(key);
      expect(index.entriesOf(k)).toEqual(formEntries(compiled, key));
      expect(index.keyIndex(key)).toBe(k);
    });
    expect(index.keyIndex('stalin')).toBe(-1);
  });

  it("lists the one-word keys each entity alone holds as its own form (the misspelling rule's input)", () => {
    expect(index.soleKeysOf(index.indexOf('leon-trotsky')!)).toEqual(['trotsky']);
    expect(index.soleKeysOf(index.indexOf('coyoacan')!)).toEqual(['coyoacan']);
    expect(index.soleKeysOf(index.indexOf('red-army')!)).toEqual([]);
  });

  it('keeps cues and relations with their kinds, both ways round', () => {
    const trotsky = index.indexOf('leon-trotsky')!;
    const army = index.indexOf('red-army')!;
    expect(index.cues(trotsky)).toEqual(['coyoacan']);
    expect(index.cues(army)).toBeUndefined();
    expect(index.linksOf(trotsky)).toEqual([{ other: army, relation: 'founded', outgoing: true }]);
    expect(index.linksOf(army)).toEqual([{ other: trotsky, relation: 'founded', outgoing: false }]);
    expect(index.neighbours(army)).toEqual([trotsky]);
  });

  it('refuses a file that is not an index of this version, saying what to do', () => {
    const bytes = encodeIndex(compiled);
    const wrongVersion = bytes.slice(0);
    new Uint32Array(wrongVersion, 0, 2)[1] = BINARY_INDEX_VERSION + 1;
    expect(() => new BinaryIndex(wrongVersion)).toThrow(
      new IndexFormatError(
        `the index has format version ${BINARY_INDEX_VERSION + 1}, this code reads version ${BINARY_INDEX_VERSION}; rebuild with npm run build`,
      ),
    );
    const json = new TextEncoder().encode('{"version":1,"entities":[],"forms":{"keys":[],"values":[]},"cues":{},"links":[]}').buffer;
    expect(() => new BinaryIndex(json as ArrayBuffer)).toThrow(/not a Dramatis index/);
    expect(() => new BinaryIndex(bytes.slice(0, bytes.byteLength - 40))).toThrow(/truncated/);
    const headerOnly = bytes.slice(0, 8);
    expect(() => new BinaryIndex(headerOnly)).toThrow(/too short/);
  });
});
