import { describe, expect, it } from 'vitest';
import { BINARY_INDEX_VERSION, BinaryIndex, encodeIndex, IndexFormatError } from './binary';
import { readHeader, RECORD_SECTIONS, SECTIONS } from './binary-layout';
import { compileIndex } from './compile';
import { readIndexStream } from './stream';
import { INDEX_ENTITIES as entities } from '../../../test/fixtures/index-entities';

const bytes = new Uint8Array(encodeIndex(compileIndex(entities, new Set())));

/** A stream the test feeds by hand, so it can stop between chunks. */
function manualStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { stream, push: (chunk: Uint8Array) => controller.enqueue(chunk), end: () => controller.close() };
}

/** Whether a promise has settled by the time every queued task has run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('reading the index as it streams in', () => {
  it('puts the entity records first, then what detection needs', () => {
    const header = readHeader(bytes.buffer);
    expect(SECTIONS.slice(0, RECORD_SECTIONS.length)).toEqual([...RECORD_SECTIONS]);
    const offsets = SECTIONS.map((s) => header.sections[s].offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(header.recordsEnd).toBeLessThan(header.sections.slotHashes.offset + 1);
    expect(header.total).toBe(bytes.byteLength);
  });

  it('answers entity records once they are in, and the whole reader only at the end', async () => {
    const { stream, push, end } = manualStream();
    const { records, complete } = readIndexStream(stream);
    const recordsEnd = readHeader(bytes.buffer).recordsEnd;
    // Odd chunk sizes: the header itself arrives in two pieces.
    push(bytes.slice(0, 5));
    push(bytes.slice(5, recordsEnd - 1));
    expect(await settled(records)).toBe(false);
    push(bytes.slice(recordsEnd - 1, recordsEnd));
    const early = await records;
    expect(early.entityCount).toBe(3);
    expect(early.entity(early.indexOf('leon-trotsky')!)).toMatchObject({ name: 'Leon Trotsky', born: '1879-11-07', type: 'person' });
    expect(early.indexOf('nobody')).toBeUndefined();
    expect(await settled(complete)).toBe(false);
    push(bytes.slice(recordsEnd));
    end();
    const index = await complete;
    expect(index).toBe(early);
    const whole = new BinaryIndex(bytes.slice().buffer);
    for (let k = 0; k < whole.keyCount; k++) {
      expect(index.key(k)).toBe(whole.key(k));
      expect(index.entriesOf(k)).toEqual(whole.entriesOf(k));
    }
    const trotsky = index.indexOf('leon-trotsky')!;
    expect(index.cues(trotsky)).toEqual(whole.cues(trotsky));
    expect(index.linksOf(trotsky)).toEqual(whole.linksOf(trotsky));
    expect(index.soleKeysOf(trotsky)).toEqual(['trotsky']);
  });

  it('fails loudly on a truncated file, a longer one, another version or no index at all', async () => {
    const read = (chunks: Uint8Array[]) => {
      const { stream, push, end } = manualStream();
      const s = readIndexStream(stream);
      chunks.forEach(push);
      end();
      return s;
    };
    const truncated = read([bytes.slice(0, bytes.length - 8)]);
    await expect(truncated.complete).rejects.toThrow(/truncated/);
    await expect(read([bytes.slice(0, 100)]).records).rejects.toThrow(/too short/);
    await expect(read([bytes, new Uint8Array(4)]).complete).rejects.toThrow(/longer than its header says/);
    const other = bytes.slice();
    new Uint32Array(other.buffer, 0, 2)[1] = BINARY_INDEX_VERSION - 1;
    const wrong = read([other]);
    await expect(wrong.records).rejects.toThrow(
      new IndexFormatError(
        `the index has format version ${BINARY_INDEX_VERSION - 1}, this code reads version ${BINARY_INDEX_VERSION}; rebuild with npm run build`,
      ),
    );
    await expect(wrong.complete).rejects.toThrow(IndexFormatError);
    await expect(read([new TextEncoder().encode('{"version":1}')]).complete).rejects.toThrow(/not a Dramatis index/);
    await expect(read([]).complete).rejects.toThrow(/not a Dramatis index/);
  });
});
