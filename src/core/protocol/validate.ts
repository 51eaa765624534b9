/**
 * Boundary checks for every message type: a message from a content script is untrusted input (the
 * page may have been hostile to it), so each field is checked before any handler runs. The messages a
 * tab accepts are checked in validate-tab.ts (re-exported here).
 */
import { correctionProblem } from '../corrections';
import { noteProblem } from '../notes/model';
import { personalEntityProblem } from '../personal';
import { settingsPatchProblem } from '../settings';
import { arrayOf, bool, check, num, optional, shape, str, type Check } from './checks';
import type { Request } from './messages';

const MAX_BLOCKS = 50_000;
/** Text one detect call may carry (the content script sends 128 KiB batches; one huge text node may be more). */
export const MAX_DETECT_CHARS = 8 * 1024 * 1024;
const MAX_TEXT = MAX_DETECT_CHARS;
/**
 * A backup file may be any size the browser can hold (1 GiB of text); it crosses in parts of at
 * most 8 Mi characters, each a message far under the 64 MiB cap even when every character takes
 * three bytes of UTF-8 or a six-character JSON escape.
 */
export const MAX_IMPORT_CHARS = 1024 * 1024 * 1024;
export const MAX_IMPORT_PART_CHARS = 8 * 1024 * 1024;

const blocks: Check = (v) => {
  const problem = arrayOf(str(MAX_TEXT), MAX_BLOCKS)(v);
  if (problem) return problem;
  const total = (v as string[]).reduce((n, s) => n + s.length, 0);
  return total <= MAX_TEXT ? null : `must hold at most ${MAX_TEXT} characters in all`;
};

const via =
  (problem: (v: unknown) => string | null): Check =>
  (v) => {
    const p = problem(v);
    return p ? `is not valid: ${p}` : null;
  };
const syncAccount = shape({ url: str(2000), user: str(500), password: str(1000) });
const passphrase: Check = (v) =>
  typeof v === 'string' && v.length >= 8 && v.length <= 1000 ? null : 'must be a string of 8 to 1,000 characters';

const REQUESTS: Record<Request['type'], Check> = {
  'notes.save': shape({ note: via(noteProblem) }),
  'notes.delete': shape({ id: str(200) }),
  'notes.forPage': shape({ url: str(8192) }),
  'notes.forEntity': shape({ entityId: str(200) }),
  'notes.query': shape({
    query: shape({
      text: optional(str(1000)),
      entityId: optional(str(200)),
      tag: optional(str(100)),
      site: optional(str(300)),
      kind: optional((v) => (v === 'page' || v === 'passage' || v === 'entity' ? null : 'must be page, passage or entity')),
      sort: optional((v) => (v === 'newest' || v === 'oldest' || v === 'page' ? null : 'must be newest, oldest or page')),
      offset: optional(num(0, 1e9)),
      limit: optional(num(1, 500)),
    }),
  }),
  'personal.list': shape({}),
  'personal.save': shape({ entity: via(personalEntityProblem) }),
  'personal.delete': shape({ id: str(200) }),
  'storage.status': shape({}),
  'backup.data': shape({}),
  // A backup is checked whole by the handler (parseBackup); here only its size is bounded.
  'backup.import': shape({ text: str(512 * 1024 * 1024) }),
  warm: shape({}),
  detect: shape({ blocks, onPage: optional(arrayOf(str(200), 100_000)), url: optional(str(8192)) }),
  'entities.get': shape({ ids: arrayOf(str(200), 10_000) }),
  'card.details': shape({ id: str(200), onPage: arrayOf(str(200), 100_000) }),
  'settings.get': shape({}),
  'backup.page': shape({
    store: (v) =>
      v === 'notes' || v === 'personal' || v === 'corrections' || v === 'packs' ? null : 'must be notes, personal, corrections or packs',
    after: optional(str(8192)),
  }),
  'packs.list': shape({}),
  // A pack file is checked whole by the handler (parsePack); here only its size is bounded, a little
  // above the pack limit so the reader gets the pack's own message about size.
  'packs.import': shape({ fileName: str(1000), text: str(4 * 1024 * 1024) }),
  'packs.setEnabled': shape({ id: str(200), enabled: bool }),
  'packs.remove': shape({ id: str(200) }),
  'packs.export': shape({ id: optional(str(200)), title: optional(str(200)) }),
  'packs.notesForPage': shape({ url: str(8192) }),
  'backup.import.begin': shape({ chars: num(0, MAX_IMPORT_CHARS) }),
  'backup.import.part': shape({ upload: str(100), index: num(0, 1e6), text: str(MAX_IMPORT_PART_CHARS) }),
  'backup.import.commit': shape({ upload: str(100), parts: num(0, 1e6) }),
  'safety.copy': shape({ index: num(0, 1e6) }),
  'safety.resume': shape({}),
  'sync.status': shape({}),
  'sync.test': shape({ account: syncAccount }),
  'sync.enable': shape({ account: syncAccount, passphrase: passphrase, deviceName: str(100) }),
  'sync.now': shape({}),
  'sync.disable': shape({}),
  'sync.removeServerData': shape({}),
  'names.search': shape({ query: str(200), limit: optional(num(0, 50)) }),
  'corrections.list': shape({}),
  'corrections.save': shape({ correction: via(correctionProblem) }),
  'corrections.delete': shape({ id: str(9000) }),
  'settings.set': shape({ patch: (v) => settingsPatchProblem(v) }),
  'data.summary': shape({}),
  'data.deleteAll': shape({}),
};

/** Every request type the background accepts (tests hold an example of each). */
export const REQUEST_TYPES = Object.keys(REQUESTS) as Request['type'][];

export const validateRequest = (message: unknown) => check<Request>(REQUESTS, message);
export { TAB_REQUEST_TYPES, validateTabRequest } from './validate-tab';
