/** Writes data/index.bin from a compiled index (at build time, and at run time for the reader's own small table). */
import { ENTITY_TYPES, RELATIONS } from '../dataset/types';
import { slugOf } from '../text/fold';
import { hashKey } from '../text/scan';
import {
  align4,
  BINARY_INDEX_VERSION,
  firstSlot,
  FLAG_BITS,
  HEADER_WORDS,
  INDEX_MAGIC,
  LINK_SHIFT,
  LOAD,
  SECTIONS,
  SEP,
  SINGLE,
  SLOT_KEY,
  SLOT_PREFIX,
  SLOT_USED,
  type Section,
} from './binary-layout';
import type { CompiledIndex } from './format';

/** A UTF-8 string heap: strings appended one after another, addressed by end offsets. */
class Heap {
  private readonly encoder = new TextEncoder();
  private readonly parts: Uint8Array[] = [];
  bytes = 0;

  /** Appends a string and returns its end offset. */
  put(s: string): number {
    if (s.length > 0) {
      const encoded = this.encoder.encode(s);
      this.parts.push(encoded);
      this.bytes += encoded.length;
    }
    return this.bytes;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.bytes);
    let offset = 0;
    for (const p of this.parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }
}

export function encodeIndex(index: CompiledIndex): ArrayBuffer {
  // One heap per part, so the entity records (a card's needs) can lead the file (binary-layout.ts).
  const entityHeap = new Heap();
  const keyHeap = new Heap();
  const cueHeap = new Heap();
  const n = index.entities.length;
  const entityText = new Uint32Array(n + 1);
  const entityTypes = new Uint8Array(n);
  index.entities.forEach((e, i) => {
    const id = slugOf(e.name) === e.id ? '' : e.id;
    entityText[i + 1] = entityHeap.put([id, e.name, e.born ?? '', e.died ?? '', e.start ?? '', e.end ?? ''].join(SEP));
    entityTypes[i] = ENTITY_TYPES.indexOf(e.type);
  });
  const keys = index.forms.keys;
  const k = keys.length;
  const keyText = new Uint32Array(k + 1);
  const keyEntries = new Uint32Array(k);
  const multi: number[] = [];
  const pack = (entity: number, flags: number) => ((entity << FLAG_BITS) | flags) >>> 0;
  keys.forEach((key, i) => {
    keyText[i + 1] = keyHeap.put(key);
    const flat = index.forms.values[i]!;
    if (flat.length === 2) keyEntries[i] = (SINGLE | pack(flat[0]!, flat[1]!)) >>> 0;
    else {
      keyEntries[i] = multi.length;
      multi.push(flat.length / 2);
      for (let j = 0; j < flat.length; j += 2) multi.push(pack(flat[j]!, flat[j + 1]!));
    }
  });

  // The table: every key and every token prefix of a key ("j edgar" of "j edgar hoover"), once each.
  const slotsNeeded = new Set<string>(keys);
  for (const key of keys) for (let p = key.indexOf(' '); p !== -1; p = key.indexOf(' ', p + 1)) slotsNeeded.add(key.slice(0, p));
  const cap = Math.max(16, Math.ceil(slotsNeeded.size / LOAD));
  const slotHashes = new Int32Array(cap);
  const slotValues = new Uint32Array(cap);
  const collisions: number[] = [];
  const insert = (hash: number): number => {
    let slot = firstSlot(hash, cap);
    while (slotValues[slot]! & SLOT_USED) {
      if (slotHashes[slot] === hash) return slot;
      slot = slot + 1 === cap ? 0 : slot + 1;
    }
    slotValues[slot] = SLOT_USED;
    slotHashes[slot] = hash;
    return slot;
  };
  keys.forEach((key, i) => {
    const hash = hashKey(key);
    const slot = insert(hash);
    if (slotValues[slot]! & SLOT_KEY) collisions.push(hash, i);
    else slotValues[slot] = (slotValues[slot]! | SLOT_KEY | (i << 3)) >>> 0;
    for (let p = key.indexOf(' '); p !== -1; p = key.indexOf(' ', p + 1)) slotValues[insert(hashKey(key.slice(0, p)))]! |= SLOT_PREFIX;
  });

  const cueText = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) cueText[i + 1] = cueHeap.put((index.cues[i] ?? []).join(SEP));

  // Relations both ways, with their kinds, so cards need no relation data of their own.
  const indexById = new Map(index.entities.map((e, i) => [e.id, i]));
  const adjacency: number[][] = index.entities.map(() => []);
  index.entities.forEach((e, i) => {
    for (const r of e.related ?? []) {
      const j = indexById.get(r.id);
      const code = RELATIONS.indexOf(r.relation);
      if (j === undefined || code === -1) continue;
      adjacency[i]!.push(((j << LINK_SHIFT) | (code << 1) | 1) >>> 0);
      adjacency[j]!.push(((i << LINK_SHIFT) | (code << 1)) >>> 0);
    }
  });
  // One-word keys that exactly one entity holds as its own form ("mercader"), listed per entity, so
  // the misspelling rule never has to walk every key at run time.
  const sole: number[][] = index.entities.map(() => []);
  keys.forEach((key, i) => {
    if (key.includes(' ')) return;
    const flat = index.forms.values[i]!;
    let holder = -1;
    let holders = 0;
    for (let j = 0; j < flat.length; j += 2) {
      if ((flat[j + 1]! & 3) === 0) {
        holder = flat[j]!;
        holders++;
      }
    }
    if (holders === 1) sole[holder]!.push(i);
  });
  const soleStarts = new Uint32Array(n + 1);
  sole.forEach((list, i) => (soleStarts[i + 1] = soleStarts[i]! + list.length));
  const soleKeys = Uint32Array.from(sole.flat());

  const linkStarts = new Uint32Array(n + 1);
  adjacency.forEach((list, i) => (linkStarts[i + 1] = linkStarts[i]! + list.length));
  const links = new Uint32Array(linkStarts[n]!);
  adjacency.forEach((list, i) => links.set(list, linkStarts[i]!));

  const arrays: Record<Section, ArrayBufferView> = {
    entityText,
    entityTypes,
    entityStrings: entityHeap.toBytes(),
    keyText,
    keyEntries,
    multi: Uint32Array.from(multi),
    slotHashes,
    slotValues,
    collisions: Int32Array.from(collisions),
    keyStrings: keyHeap.toBytes(),
    cueText,
    cueStrings: cueHeap.toBytes(),
    soleStarts,
    soleKeys,
    linkStarts,
    links,
  };
  let size = HEADER_WORDS * 4;
  const offsets = SECTIONS.map((s) => {
    const start = size;
    size = align4(size + arrays[s].byteLength);
    return start;
  });
  const buffer = new ArrayBuffer(size);
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header.set([
    INDEX_MAGIC,
    BINARY_INDEX_VERSION,
    n,
    k,
    cap,
    multi.length,
    collisions.length,
    links.length,
    size,
    ...SECTIONS.flatMap((s, i) => [offsets[i]!, arrays[s].byteLength]),
  ]);
  SECTIONS.forEach((s, i) =>
    new Uint8Array(buffer, offsets[i]!, arrays[s].byteLength).set(
      new Uint8Array(arrays[s].buffer, arrays[s].byteOffset, arrays[s].byteLength),
    ),
  );
  return buffer;
}
