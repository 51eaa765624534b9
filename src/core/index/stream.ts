/**
 * Reads data/index.bin as it streams in: the bytes go straight into one buffer of the file's size
 * (the header, in the first chunk, gives it), and the reader is handed out twice: once the entity
 * records are in (the file's first sections, binary-layout.ts: what a card's `entities.get` needs
 * besides its shard, about a quarter of the file), and once every byte is in (what detection needs).
 * Cost: one copy of each chunk into place, as response.arrayBuffer() makes too.
 */
import { BinaryIndex } from './binary';
import { HEADER_WORDS, IndexFormatError, readHeader, type IndexHeader } from './binary-layout';

/** The entity records of an index still streaming in: the only part of BinaryIndex usable then. */
export type IndexRecords = Pick<BinaryIndex, 'entityCount' | 'entity' | 'idOf' | 'indexOf'>;

export interface IndexStream {
  /** Resolves once the entity records are in; the reader's other parts must wait for `complete`. */
  records: Promise<IndexRecords>;
  /** Resolves with the same reader once the whole file is in. */
  complete: Promise<BinaryIndex>;
}

/** Reads the stream to its end; both promises reject (IndexFormatError for a bad file) if it fails. */
export function readIndexStream(body: ReadableStream<Uint8Array>): IndexStream {
  let resolveRecords!: (records: IndexRecords) => void;
  let rejectRecords!: (err: unknown) => void;
  const records = new Promise<IndexRecords>((resolve, reject) => {
    resolveRecords = resolve;
    rejectRecords = reject;
  });
  const complete = (async () => {
    const reader = body.getReader();
    // Chunks held until the header is in (the first chunk nearly always holds its 164 bytes).
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let file: Uint8Array<ArrayBuffer> | undefined;
    let header: IndexHeader | undefined;
    let index: BinaryIndex | undefined;
    let received = 0;
    const place = (chunk: Uint8Array) => {
      if (received + chunk.length > file!.length)
        throw new IndexFormatError(`the index is longer than its header says (${header!.total} bytes); rebuild with npm run build`);
      file!.set(chunk, received);
      received += chunk.length;
      if (!index && received >= header!.recordsEnd) {
        index = new BinaryIndex(file!.buffer, header);
        resolveRecords(index);
      }
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (file) {
        place(value);
        continue;
      }
      pending.push(value);
      pendingBytes += value.length;
      if (pendingBytes < HEADER_WORDS * 4) continue;
      const start = concat(pending, pendingBytes);
      pending = [];
      header = readHeader(start.buffer);
      file = new Uint8Array(header.total);
      place(start);
    }
    if (!file) readHeader(concat(pending, pendingBytes).buffer); // throws the header's own complaint
    if (received < header!.total)
      throw new IndexFormatError(`the index is truncated (${received} bytes, expected ${header!.total}); rebuild with npm run build`);
    return index!;
  })();
  complete.catch(rejectRecords);
  // A caller that waits only for `complete` must not leave `records`' failure unhandled.
  records.catch(() => undefined);
  return { records, complete };
}

function concat(parts: Uint8Array[], bytes: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
