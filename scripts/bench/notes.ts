/**
 * Notes at scale in real Chromium: 10,000 notes in the store, then the notebook's first screen (from
 * navigation to the first rendered list), search answer times, and save acknowledgements.
 */
import { launchChromium, type TestPage } from '../../tools/browser/launch';
import { openExtensionPage } from '../../tools/browser/page';

const evaluate = <T>(page: TestPage, script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

export interface NotesBench {
  notes: number;
  /** null where the notebook never marked its first screen (the measurement failed). */
  firstScreenMs: (number | null)[];
  searchMs: { query: string; ms: number; total: number }[];
  saveAckMs: { median: number; p95: number; max: number };
}

const WORDS = [
  'Krivitsky',
  'Reiss',
  'Trotsky',
  'Orlov',
  'Yezhov',
  'purge',
  'defector',
  'Paris',
  'Mexico',
  'Spain',
  'letter',
  'trial',
  'agent',
  'canary',
  'Hansen',
  'Coyoacán',
  'Comintern',
  'POUM',
  'Browder',
  'HUAC',
];

export async function benchNotes(count = 10_000): Promise<NotesBench> {
  const session = await launchChromium({ probe: false });
  try {
    const page = await session.newPage();
    await openExtensionPage(page, `${session.extensionOrigin}/notebook.html`);
    // Seed in batches from the extension page; each note about 300 characters, 20 pages, 40 entities.
    await evaluate(
      page,
      `(async () => {
      const words = ${JSON.stringify(WORDS)};
      const api = globalThis.chrome;
      const base = Date.UTC(2026, 0, 1);
      for (let start = 0; start < ${count}; start += 200) {
        await Promise.all(Array.from({ length: 200 }, (_, k) => {
          const i = start + k;
          const text = Array.from({ length: 40 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ') + ' note ' + i;
          const kind = i % 3 === 0 ? 'entity' : 'page';
          const note = kind === 'entity'
            ? { id: 'seed-' + i, kind, text, tags: ['t' + (i % 30)], created: base + i * 1000, updated: base + i * 1000, entityId: 'e' + (i % 40), entityName: 'Entity ' + (i % 40) }
            : { id: 'seed-' + i, kind, text, tags: ['t' + (i % 30)], created: base + i * 1000, updated: base + i * 1000, page: { url: 'https://site' + (i % 5) + '.example/post-' + (i % 20), title: 'Post ' + (i % 20) } };
          return api.runtime.sendMessage({ type: 'notes.save', note });
        }));
      }
    })()`,
    );
    // Save acknowledgements: 100 more saves, one at a time.
    const acks = await evaluate<number[]>(
      page,
      `(async () => {
      const api = globalThis.chrome;
      const out = [];
      for (let i = 0; i < 100; i++) {
        const now = Date.now();
        const note = { id: 'ack-' + i, kind: 'page', text: 'Acknowledged? ' + i, tags: [], created: now, updated: now, page: { url: 'https://ack.example/', title: 'Ack' } };
        const t = performance.now();
        await api.runtime.sendMessage({ type: 'notes.save', note });
        out.push(performance.now() - t);
      }
      return out;
    })()`,
    );
    const sorted = [...acks].sort((a, b) => a - b);
    const firstScreenMs: (number | null)[] = [];
    const cdp = await session.context.newCDPSession(page as never);
    await cdp.send('ServiceWorker.enable');
    for (let run = 0; run < 3; run++) {
      // Cold: the worker stopped, so the first query reads all notes from IndexedDB again.
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
      const nb = await session.newPage();
      await openExtensionPage(nb, `${session.extensionOrigin}/notebook.html`);
      await new Promise((r) => setTimeout(r, 300));
      firstScreenMs.push(await evaluate<number | null>(nb, `performance.getEntriesByName('notebook:first-screen')[0]?.startTime ?? null`));
      await nb.close();
    }
    const searchMs: NotesBench['searchMs'] = [];
    for (const query of ['canary', 'krivitsky reiss', 'note 9999', 'coyoacan', 'nothing-matches-this']) {
      const r = await evaluate<{ ms: number; total: number }>(
        page,
        `(async () => {
        const api = globalThis.chrome;
        const t = performance.now();
        const reply = await api.runtime.sendMessage({ type: 'notes.query', query: { text: ${JSON.stringify(query)}, limit: 50 } });
        return { ms: performance.now() - t, total: reply.value.total };
      })()`,
      );
      searchMs.push({ query, ...r });
    }
    return {
      notes: count + 100,
      firstScreenMs,
      searchMs,
      saveAckMs: { median: sorted[50]!, p95: sorted[95]!, max: sorted[99]! },
    };
  } finally {
    await session.close();
  }
}
