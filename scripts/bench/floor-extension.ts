/**
 * The floor under "first highlight after a cold worker": a do-nothing MV3 extension shaped like
 * Dramatis where it costs time before any of Dramatis's own work. Its content script runs at
 * document_start and sends a first message at once (as Dramatis's `warm`), a second at
 * DOMContentLoaded (as the first `detect`), and on that answer registers one CSS highlight over the
 * page's first word. Its service worker answers every message at once: no script to speak of, no
 * index, no detection. The bench loads it exactly as it loads Dramatis (fresh browser, worker stopped
 * before the page loads) and alternates it run by run, so its figure is what Chrome's waking of a
 * stopped worker and one message round trip cost on this machine at this moment: no extension that
 * answers from its worker can highlight sooner, and the difference is Dramatis's own share.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MANIFEST = {
  manifest_version: 3,
  name: 'Dramatis bench floor',
  version: '1.0.0',
  description: 'Benchmark baseline: answers every message at once.',
  // Named as Dramatis's, so the harness finds the worker the same way (url ends with /background.js).
  background: { service_worker: 'background.js' },
  content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_start', all_frames: false }],
};

const BACKGROUND = `chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true }); });\n`;

const CONTENT = `(() => {
  const send = (m) => chrome.runtime.sendMessage(m).catch(() => undefined);
  send({ type: 'warm' });
  const highlight = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.search(/\\S/);
      if (at < 0) continue;
      const range = new Range();
      range.setStart(n, at);
      range.setEnd(n, Math.min(n.data.length, at + 5));
      CSS.highlights.set('bench-floor', new Highlight(range));
      return;
    }
  };
  const ready = () => send({ type: 'detect' }).then(highlight);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
  else ready();
})();\n`;

/** Writes the floor extension into `dir` (created if needed) and returns `dir`. */
export function writeFloorExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'content.js'), CONTENT);
  return dir;
}
