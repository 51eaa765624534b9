/** Version vectors, canonical hashes and the checks every incoming change passes. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, changeProblem, compareVersions, mergeVersions, valueHash } from './records';
import { decrypt, deriveKeys, encrypt, keyCheckPasses, makeKeyCheck, opaqueName, randomBytes } from './crypto';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const note = { id: 'n1', kind: 'page', text: 'x', tags: [], created: 1, updated: 2, page: { url: 'https://e.example/', title: 'E' } };

describe('version vectors', () => {
  it('order versions by the edits they contain', () => {
    expect(compareVersions({ [A]: 1 }, { [A]: 1 })).toBe('equal');
    expect(compareVersions({ [A]: 1 }, { [A]: 2 })).toBe('before');
    expect(compareVersions({ [A]: 2, [B]: 1 }, { [A]: 2 })).toBe('after');
    expect(compareVersions({ [A]: 2 }, { [A]: 1, [B]: 1 })).toBe('concurrent');
    expect(mergeVersions({ [A]: 2 }, { [A]: 1, [B]: 3 })).toEqual({ [A]: 2, [B]: 3 });
  });
});

describe('valueHash', () => {
  it('ignores key order and sees any change', () => {
    expect(valueHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(valueHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(valueHash({ a: 1 })).not.toBe(valueHash({ a: 2 }));
    expect(valueHash(null)).toBe('');
    const sample = { b: [1, 'two', null, { z: true, a: -1.5 }], a: 'é"\\n', c: undefined };
    expect(JSON.parse(canonicalJson(sample))).toEqual(JSON.parse(JSON.stringify(sample)));
    expect(canonicalJson(sample)).toBe('{"a":"é\\"\\\\n","b":[1,"two",null,{"a":-1.5,"z":true}]}');
  });
});

describe('changeProblem', () => {
  const change = { kind: 'note', id: 'n1', value: note, vv: { [A]: 1 }, device: A, deviceName: 'Laptop', time: 2 };
  it('accepts a valid change and a tombstone', () => {
    expect(changeProblem(change)).toBeNull();
    expect(changeProblem({ ...change, value: null })).toBeNull();
  });
  it('refuses values the backup validators refuse, mismatched ids, unknown kinds and damaged versions', () => {
    expect(changeProblem({ ...change, value: { ...note, tags: 'no' } })).toMatch(/tags/);
    expect(changeProblem({ ...change, id: 'other' })).toMatch(/id does not match/);
    expect(changeProblem({ ...change, kind: 'wallpaper' })).toMatch(/not one this version syncs/);
    expect(changeProblem({ ...change, vv: { [A]: 0 } })).toMatch(/version/);
    expect(changeProblem({ ...change, device: B })).toMatch(/device/);
    expect(changeProblem({ ...change, kind: 'settings', id: 'settings', value: { highlightsEnabled: 'yes', disabledSites: [] } })).toMatch(
      /highlightsEnabled/,
    );
  });
});

describe('crypto', () => {
  it('seals with a fresh IV each time, binds the path, and tells a wrong passphrase by the key check', async () => {
    const salt = randomBytes(16);
    const keys = await deriveKeys('passphrase one', salt, 600_000);
    const plain = new TextEncoder().encode('hello');
    const one = await encrypt(keys, plain, 'dir/1.bin');
    const two = await encrypt(keys, plain, 'dir/1.bin');
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
    expect(new TextDecoder().decode((await decrypt(keys, one, 'dir/1.bin'))!)).toBe('hello');
    expect(await decrypt(keys, one, 'dir/2.bin')).toBeNull();
    const check = await makeKeyCheck(keys);
    expect(await keyCheckPasses(keys, check)).toBe(true);
    const wrong = await deriveKeys('passphrase two', salt, 600_000);
    expect(await keyCheckPasses(wrong, check)).toBe(false);
    expect(await decrypt(wrong, one, 'dir/1.bin')).toBeNull();
    expect(await opaqueName(keys, 'device:x')).toMatch(/^[0-9a-f]{32}$/);
    expect(await opaqueName(keys, 'device:x')).not.toBe(await opaqueName(wrong, 'device:x'));
  });
});
