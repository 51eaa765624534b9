/**
 * The sync algorithm, over two small interfaces: the device's records (LocalStore; IndexedDB in the
 * extension, src/background/sync-store.ts) and the reader's server (Remote; WebDAV,
 * src/background/webdav.ts). Pure: no DOM, no extension API, no network of its own.
 *
 * Layout on the server, inside the reader's sync folder:
 *   dramatis-sync.json         the header: format, PBKDF2 salt and rounds, the key check (no secrets)
 *   <device>/<seq>.bin         one device's change batches, numbered 1, 2, 3…; <device> is an HMAC of
 *                              the device's id, each file AES-GCM sealed with its path
 * Each device writes only into its own folder, so two devices never write the same file (WebDAV has
 * no transactions to lean on), and a sync reads only the batches it has not applied yet: one listing
 * of the folder, one per device, and the new files. Batches are idempotent: re-uploading batch n
 * after a crash overwrites it; applying a batch twice changes nothing (its versions are known).
 *
 * One round: (1) compare every local record with what was last synced and give each changed record
 * a new version; (2) apply every new batch of the other devices, one file per local transaction;
 * (3) upload this device's changed records in numbered batches, first reserving the numbers
 * locally (the outbox) so a stopped worker resumes with the same numbers instead of new ones.
 */
import { say } from '../text/say';
import {
  KINDS,
  changeProblem,
  compareVersions,
  conflictCopyId,
  mergeVersions,
  recordKey,
  valueHash,
  type KindSpec,
  type SyncChange,
  type VersionVector,
} from './records';
import {
  decrypt,
  deriveKeys,
  encrypt,
  keyCheckPasses,
  makeKeyCheck,
  opaqueName,
  PBKDF2_ITERATIONS,
  fromBase64,
  randomBytes,
  toBase64,
  type SyncKeys,
} from './crypto';

export const HEADER_FILE = 'dramatis-sync.json';
export const HEADER_FORMAT = 'dramatis-sync';
export const BATCH_FORMAT = 'dramatis-sync-batch';
export const FORMAT_VERSION = 1;
/** Records per uploaded file: ~500 notes is ~150 KB sealed, small enough to retry cheaply. */
export const BATCH_SIZE = 500;

/** The reader's server, rooted at the sync folder. Paths are relative ("", "abc/", "abc/1.bin"). */
export interface Remote {
  /** The file's bytes, or null when there is none. */
  get(path: string): Promise<Uint8Array<ArrayBuffer> | null>;
  put(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  /** The names in a folder (folders end in "/"), or null when the folder does not exist. */
  list(path: string): Promise<string[] | null>;
  /** Creates a folder; fine if it exists. */
  mkcol(path: string): Promise<void>;
  /** Deletes a file or a folder with everything in it; fine if it is gone. */
  remove(path: string): Promise<void>;
}

export interface RecordMeta {
  vv: VersionVector;
  /** valueHash of the record as last synced or versioned; '' for a deletion. */
  hash: string;
  /** Changed here and not uploaded yet. */
  dirty: boolean;
  deleted: boolean;
  /** Who wrote this version, under what name, and when (epoch ms). */
  device: string;
  deviceName: string;
  time: number;
}

export interface SyncState {
  device: string;
  deviceName: string;
  /** This device's edit counter: every new version it writes takes the next number. */
  counter: number;
  /** The number of this device's next batch file. */
  nextSeq: number;
  /** Per other device's folder: the highest batch number applied. */
  applied: Record<string, number>;
  /** Batches reserved and not confirmed uploaded yet: their numbers and the records in them. */
  outbox: { seq: number; keys: string[] }[];
  /** Files that could not be applied (damaged, foreign, from a newer version): retried every round. */
  rejected: Record<string, string>;
}

export interface LocalRecord {
  kind: string;
  id: string;
  value: unknown;
}

export interface LocalSnapshot {
  records: LocalRecord[];
  meta: Map<string, RecordMeta>;
  state: SyncState;
}

export interface Commit {
  /** Records to write (value) or delete (null); `expect` is the hash of the local value this was decided on. */
  writes: { kind: string; id: string; value: unknown; expect: string }[];
  meta: { key: string; meta: RecordMeta }[];
  state: SyncState;
}

export interface LocalStore {
  read(): Promise<LocalSnapshot>;
  /**
   * Writes everything in one transaction, or nothing. Returns false (writing nothing) when a record
   * is no longer what `expect` says: the reader changed it meanwhile, so the caller reads again.
   */
  commit(commit: Commit): Promise<boolean>;
}

export type SyncErrorCode = 'wrong-passphrase' | 'server-reset' | 'foreign-folder' | 'newer-format';

/** A stop that the reader must act on; nothing local was changed by the round that raised it. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface SyncReport {
  /** Batch files read and applied. */
  filesApplied: number;
  /** Records taken from other devices. */
  received: number;
  /** Records uploaded. */
  sent: number;
  /** Conflicts resolved (the newer edit kept, the other kept as a copy where the kind has copies). */
  conflicts: number;
  /** Files reported and skipped, each with why. */
  problems: string[];
}

interface Header {
  format: typeof HEADER_FORMAT;
  version: number;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  check: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const utf8 = new TextEncoder();

function parseHeader(bytes: Uint8Array): Header {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    data = undefined;
  }
  if (!isObj(data) || data.format !== HEADER_FORMAT) throw new SyncError('foreign-folder', say('syncHeaderForeign', HEADER_FILE));
  if (typeof data.version !== 'number' || data.version > FORMAT_VERSION) throw new SyncError('newer-format', say('syncHeaderNewer'));
  const kdf = data.kdf as Record<string, unknown> | undefined;
  if (
    !isObj(kdf) ||
    kdf.name !== 'PBKDF2' ||
    kdf.hash !== 'SHA-256' ||
    typeof kdf.iterations !== 'number' ||
    kdf.iterations < PBKDF2_ITERATIONS ||
    typeof kdf.salt !== 'string' ||
    typeof data.check !== 'string'
  )
    throw new SyncError('foreign-folder', say('syncHeaderDamaged', HEADER_FILE));
  return data as unknown as Header;
}

/** What a device keeps after unlocking: the keys, and the salt that identifies this server's data. */
export interface Unlocked {
  keys: SyncKeys;
  salt: string;
  /** True when this device created the sync data on the server. */
  created: boolean;
}

/**
 * Opens the sync data on the server with the passphrase, creating it (header and key check) when
 * the folder has none. A wrong passphrase throws SyncError('wrong-passphrase') having changed nothing.
 */
export async function unlock(remote: Remote, passphrase: string): Promise<Unlocked> {
  const existing = await remote.get(HEADER_FILE);
  if (existing) {
    const header = parseHeader(existing);
    const keys = await deriveKeys(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
    if (!(await keyCheckPasses(keys, header.check))) throw new SyncError('wrong-passphrase', say('syncWrongPassphrase'));
    return { keys, salt: header.kdf.salt, created: false };
  }
  const salt = toBase64(randomBytes(16));
  const keys = await deriveKeys(passphrase, fromBase64(salt));
  const header: Header = {
    format: HEADER_FORMAT,
    version: FORMAT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt },
    check: await makeKeyCheck(keys),
  };
  await remote.mkcol('');
  await remote.put(HEADER_FILE, utf8.encode(`${JSON.stringify(header, null, 2)}\n`));
  // Two devices set up at the same moment: the header that stayed is the one to use.
  const stayed = await remote.get(HEADER_FILE);
  if (stayed && parseHeader(stayed).kdf.salt !== salt) return unlock(remote, passphrase);
  return { keys, salt, created: true };
}

export function newSyncState(device: string, deviceName: string): SyncState {
  return { device, deviceName, counter: 0, nextSeq: 1, applied: {}, outbox: [], rejected: {} };
}

/** A random device id: 16 hex characters. */
export function newDeviceId(): string {
  return Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
}

const seqName = (seq: number) => `${String(seq).padStart(8, '0')}.bin`;
const seqOf = (name: string) => (/^\d{8}\.bin$/.test(name) ? Number(name.slice(0, 8)) : null);

interface Working {
  meta: Map<string, RecordMeta>;
  values: Map<string, unknown>;
  state: SyncState;
}

function load(snapshot: LocalSnapshot): Working {
  const values = new Map<string, unknown>();
  for (const r of snapshot.records) values.set(recordKey(r.kind, r.id), r.value);
  return { meta: new Map(snapshot.meta), values, state: structuredClone(snapshot.state) };
}

const splitKey = (key: string) => {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at), id: key.slice(at + 1) };
};

/** Step 1: every record changed here since the last round gets a new version (marked dirty). */
function versionLocalChanges(w: Working, kinds: Record<string, KindSpec>, now: number): Commit | null {
  const { state } = w;
  const changed: Commit['meta'] = [];
  const bump = (key: string, deleted: boolean, hash: string, value: unknown) => {
    const before = w.meta.get(key);
    const { kind } = splitKey(key);
    const meta: RecordMeta = {
      vv: { ...before?.vv, [state.device]: ++state.counter },
      hash,
      dirty: true,
      deleted,
      device: state.device,
      deviceName: state.deviceName,
      time: deleted ? now : (kinds[kind]?.timeOf?.(value) ?? now),
    };
    w.meta.set(key, meta);
    changed.push({ key, meta });
  };
  for (const [key, value] of w.values) {
    const kind = kinds[splitKey(key).kind];
    if (!kind) continue;
    const meta = w.meta.get(key);
    const hash = valueHash(value);
    if (meta && !meta.deleted && meta.hash === hash) continue;
    // A record never synced that is only the kind's default (settings untouched on a new device)
    // must not outvote the reader's real settings from another device.
    if (!meta && kind.isDefault?.(value)) continue;
    bump(key, false, hash, value);
  }
  for (const [key, meta] of w.meta) if (!meta.deleted && !w.values.has(key)) bump(key, true, '', null);
  return changed.length > 0 ? { writes: [], meta: changed, state } : null;
}

/** The later of two versions: by the record's own edit time, then by device id (the same answer on every device). */
const later = (a: { time: number; device: string }, b: { time: number; device: string }) =>
  a.time !== b.time ? a.time > b.time : a.device > b.device;

/** Step 2 for one incoming change: the writes it causes here. Returns whether it was a conflict. */
function applyChange(w: Working, c: SyncChange, kinds: Record<string, KindSpec>, commit: Commit): { received: boolean; conflict: boolean } {
  const key = recordKey(c.kind, c.id);
  const local = w.meta.get(key);
  const incomingHash = valueHash(c.value);
  const take = (meta: RecordMeta, value: unknown) => {
    const expect = valueHash(w.values.get(key) ?? null);
    commit.writes.push({ kind: c.kind, id: c.id, value, expect });
    commit.meta.push({ key, meta });
    w.meta.set(key, meta);
    if (value === null) w.values.delete(key);
    else w.values.set(key, value);
  };
  const fromChange = (extra: Partial<RecordMeta> = {}): RecordMeta => ({
    vv: c.vv,
    hash: incomingHash,
    dirty: false,
    deleted: c.value === null,
    device: c.device,
    deviceName: c.deviceName,
    time: c.time,
    ...extra,
  });
  const order = local ? compareVersions(c.vv, local.vv) : 'after';
  if (order === 'equal' || order === 'before') return { received: false, conflict: false };
  if (order === 'after') {
    take(fromChange(), c.value);
    return { received: true, conflict: false };
  }
  // Concurrent: both sides edited since they last agreed.
  const mine = local!;
  const merged = mergeVersions(mine.vv, c.vv);
  if (mine.hash === incomingHash) {
    // The same outcome on both sides (both deleted it, or both resolved a conflict alike).
    const meta = { ...mine, vv: merged };
    w.meta.set(key, meta);
    commit.meta.push({ key, meta });
    return { received: false, conflict: false };
  }
  const theirs = {
    time: c.time,
    device: c.device,
    deviceName: c.deviceName,
    value: c.value,
    n: c.vv[c.device]!,
    deleted: c.value === null,
  };
  const ours = {
    time: mine.time,
    device: mine.device,
    deviceName: mine.deviceName,
    value: w.values.get(key) ?? null,
    n: mine.vv[mine.device]!,
    deleted: mine.deleted,
  };
  // An edit beats a concurrent deletion whatever the times: nothing the reader wrote is lost.
  const theirsWins = ours.deleted ? true : theirs.deleted ? false : later(theirs, ours);
  const [winner, loser] = theirsWins ? [theirs, ours] : [ours, theirs];
  const resolved: RecordMeta = {
    vv: { ...merged, [w.state.device]: ++w.state.counter },
    hash: valueHash(winner.value),
    dirty: true,
    deleted: winner.deleted,
    device: w.state.device,
    deviceName: w.state.deviceName,
    time: winner.time,
  };
  take(resolved, winner.value);
  const copy = kinds[c.kind]!.conflictCopy;
  if (!loser.deleted && copy) {
    const copyId = conflictCopyId(c.id, loser.device, loser.n);
    const copyKey = recordKey(c.kind, copyId);
    if (!w.meta.has(copyKey) && !w.values.has(copyKey)) {
      const value = copy(loser.value, copyId, loser.deviceName);
      const meta: RecordMeta = {
        vv: { [w.state.device]: ++w.state.counter },
        hash: valueHash(value),
        dirty: true,
        deleted: false,
        device: w.state.device,
        deviceName: w.state.deviceName,
        time: loser.time,
      };
      commit.writes.push({ kind: c.kind, id: copyId, value, expect: '' });
      commit.meta.push({ key: copyKey, meta });
      w.meta.set(copyKey, meta);
      w.values.set(copyKey, value);
    }
  }
  return { received: theirsWins, conflict: true };
}

/** Decrypts and checks a whole batch file; any problem rejects all of it. */
async function readBatch(
  keys: SyncKeys,
  dir: string,
  seq: number,
  bytes: Uint8Array<ArrayBuffer>,
  kinds: Record<string, KindSpec>,
): Promise<SyncChange[] | string> {
  const plain = await decrypt(keys, bytes, `${dir}/${seqName(seq)}`);
  if (!plain) return say('syncBatchNotDecrypted');
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return say('syncBatchNotJson');
  }
  if (!isObj(data) || data.format !== BATCH_FORMAT) return say('syncBatchForeign');
  if (typeof data.version !== 'number' || data.version > FORMAT_VERSION) return say('syncBatchNewer');
  if (data.seq !== seq) return say('syncBatchWrongNumber');
  if (typeof data.device !== 'string' || (await opaqueName(keys, `device:${data.device}`)) !== dir) return say('syncBatchWrongFolder');
  if (!Array.isArray(data.changes) || data.changes.length > BATCH_SIZE * 4) return say('syncBatchChangesDamaged');
  for (const c of data.changes) {
    const problem = changeProblem(c, kinds);
    if (problem) return problem;
    if ((c as SyncChange).device !== data.device) return say('syncBatchOtherDevice');
  }
  return data.changes as SyncChange[];
}

export interface SyncOptions {
  kinds?: Record<string, KindSpec>;
  now?: () => number;
  /** Called between steps, for tests that stop a round midway and for progress. */
  onStep?: (step: 'versioned' | 'applied-file' | 'reserved' | 'uploaded-file') => void | Promise<void>;
}

/** One sync round. Throws on a network failure (the next round picks up where this one stopped). */
export async function syncOnce(local: LocalStore, remote: Remote, unlocked: Unlocked, options: SyncOptions = {}): Promise<SyncReport> {
  const kinds = options.kinds ?? KINDS;
  const now = options.now ?? Date.now;
  const report: SyncReport = { filesApplied: 0, received: 0, sent: 0, conflicts: 0, problems: [] };
  const { keys } = unlocked;

  // The header must still be the one these keys belong to (not removed or recreated meanwhile).
  const headerBytes = await remote.get(HEADER_FILE);
  if (!headerBytes || parseHeader(headerBytes).kdf.salt !== unlocked.salt) throw new SyncError('server-reset', say('syncServerReset'));

  let w = load(await local.read());
  const versioned = versionLocalChanges(w, kinds, now());
  if (versioned && !(await local.commit(versioned))) w = load(await local.read());
  await options.onStep?.('versioned');

  // Pull.
  const myDir = await opaqueName(keys, `device:${w.state.device}`);
  const folders = ((await remote.list('')) ?? []).filter((n) => /^[0-9a-f]{32}\/$/.test(n)).map((n) => n.slice(0, -1));
  for (const dir of folders) {
    if (dir === myDir) continue;
    const names = (await remote.list(`${dir}/`)) ?? [];
    const seqs = names
      .map(seqOf)
      .filter((s): s is number => s !== null)
      .filter((s) => s > (w.state.applied[dir] ?? 0) || `${dir}/${s}` in w.state.rejected)
      .sort((a, b) => a - b);
    for (const seq of seqs) {
      const bytes = await remote.get(`${dir}/${seqName(seq)}`);
      if (!bytes) continue;
      const batch = await readBatch(keys, dir, seq, bytes, kinds);
      let versionedMeta: Commit['meta'] = [];
      for (let attempt = 0; ; attempt++) {
        const commit: Commit = { writes: [], meta: versionedMeta, state: w.state };
        const fileKey = `${dir}/${seq}`;
        if (typeof batch === 'string') {
          w.state.rejected[fileKey] = batch;
        } else {
          delete w.state.rejected[fileKey];
          for (const c of batch) {
            const r = applyChange(w, c, kinds, commit);
            if (r.received) report.received++;
            if (r.conflict) report.conflicts++;
          }
        }
        w.state.applied[dir] = Math.max(w.state.applied[dir] ?? 0, seq);
        if (await local.commit(commit)) break;
        // The reader edited a record while this file was being applied: start it again from what is stored now.
        if (attempt >= 5) throw new Error(say('syncRecordsKeptChanging'));
        w = load(await local.read());
        versionedMeta = versionLocalChanges(w, kinds, now())?.meta ?? [];
      }
      if (typeof batch === 'string') report.problems.push(say('syncFileSkipped', batch));
      else report.filesApplied++;
      await options.onStep?.('applied-file');
    }
  }

  // Push: reserve numbers for the dirty records, then upload each reserved batch. A second pass
  // sends what was left dirty while an older reservation (from a stopped round) went first.
  let madeDir = false;
  for (let pass = 0; pass < 2; pass++) {
    if (w.state.outbox.length === 0) {
      const dirty = [...w.meta].filter(([, m]) => m.dirty).map(([k]) => k);
      for (let i = 0; i < dirty.length; i += BATCH_SIZE)
        w.state.outbox.push({ seq: w.state.nextSeq++, keys: dirty.slice(i, i + BATCH_SIZE) });
      if (dirty.length === 0) break;
      await local.commit({ writes: [], meta: [], state: w.state });
      await options.onStep?.('reserved');
    }
    if (!madeDir) await remote.mkcol(`${myDir}/`);
    madeDir = true;
    await upload(w, remote, keys, myDir, local, report, options);
  }
  return report;
}

async function upload(
  w: Working,
  remote: Remote,
  keys: SyncKeys,
  myDir: string,
  local: LocalStore,
  report: SyncReport,
  options: SyncOptions,
): Promise<void> {
  while (w.state.outbox.length > 0) {
    const entry = w.state.outbox[0]!;
    const changes: SyncChange[] = [];
    for (const key of entry.keys) {
      const meta = w.meta.get(key);
      if (!meta) continue;
      const { kind, id } = splitKey(key);
      changes.push({
        kind,
        id,
        value: meta.deleted ? null : (w.values.get(key) ?? null),
        vv: meta.vv,
        device: meta.device,
        deviceName: meta.deviceName,
        time: meta.time,
      });
    }
    const body = { format: BATCH_FORMAT, version: FORMAT_VERSION, device: w.state.device, seq: entry.seq, changes };
    const path = `${myDir}/${seqName(entry.seq)}`;
    await remote.put(path, await encrypt(keys, utf8.encode(JSON.stringify(body)), path));
    const sentVersion = new Map(changes.map((c) => [recordKey(c.kind, c.id), c.vv[w.state.device]]));
    const done: Commit['meta'] = [];
    for (const [key, n] of sentVersion) {
      const meta = w.meta.get(key);
      if (meta && meta.dirty && meta.vv[w.state.device] === n) {
        const clean = { ...meta, dirty: false };
        w.meta.set(key, clean);
        done.push({ key, meta: clean });
      }
    }
    w.state.outbox.shift();
    await local.commit({ writes: [], meta: done, state: w.state });
    report.sent += changes.length;
    await options.onStep?.('uploaded-file');
  }
}

/** Deletes everything this sync group keeps on the server (the whole sync folder). */
export async function removeServerData(remote: Remote): Promise<void> {
  await remote.remove('');
}
