/**
 * npm run screenshots: the pictures in docs/screenshots/ (for the README), taken from the built
 * extension in headless Chromium on the real post (or the demo post when ../shared is absent):
 * a card in light and dark mode, a place with its map, a card with its reason and "Not this?",
 * the popup's cast of characters, and the options and welcome pages in light and dark.
 * `npm run screenshots -- pages` takes only those two.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tools/browser/launch';
import { extensionPage, tabIdFor } from '../tools/browser/extension';
import { hoverName, openExtensionPage, waitFor, waitForHighlights, type CardInfo } from '../tools/browser/page';
import { runBuild } from '../tools/run-build';
import { DOCS_DIR, hasSharedPages, REAL_POST } from '../tools/paths';
import { startServer } from '../tools/browser/server';
import type { TestPage } from '../tools/browser/launch';
import { packShots } from './screenshots-packs';

const OUT = join(DOCS_DIR, 'screenshots');

async function shoot(page: TestPage, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 700)); // fade-in and map
  await page.screenshot({ path: join(OUT, name) });
  console.log(`wrote docs/screenshots/${name}`);
}

/** The options page and the welcome page (with the demo card of Walter Krivitsky open), full length. */
async function shootPages(scheme: 'light' | 'dark'): Promise<void> {
  const session = await launchChromium({ colorScheme: scheme });
  try {
    const page = await session.newPage();
    await (page as unknown as { setViewportSize(s: { width: number; height: number }): Promise<void> }).setViewportSize({
      width: 860,
      height: 900,
    });
    const evaluate = <T>(script: string) => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);
    await openExtensionPage(page, `${session.extensionOrigin}/options.html`);
    await waitFor(
      () => evaluate<number>('document.querySelectorAll(".section").length'),
      (n) => n >= 6,
      8000,
      'the options page',
    );
    await new Promise((r) => setTimeout(r, 500));
    await page.screenshot({ path: join(OUT, `options-${scheme}.png`), fullPage: true });
    console.log(`wrote docs/screenshots/options-${scheme}.png`);
    await openExtensionPage(page, `${session.extensionOrigin}/welcome.html`);
    await waitFor(
      () => evaluate<number>('document.querySelectorAll(".demo-mark").length'),
      (n) => n > 5,
      8000,
      'the demo',
    );
    await evaluate(`[...document.querySelectorAll('.demo-mark')].find((b) => b.textContent === 'Walter Krivitsky').click()`);
    await waitFor(
      () => evaluate<number>('document.querySelectorAll(".demo-card").length'),
      (n) => n > 0,
      8000,
      'the demo card',
    );
    await new Promise((r) => setTimeout(r, 500));
    await page.screenshot({ path: join(OUT, `welcome-${scheme}.png`), fullPage: true });
    console.log(`wrote docs/screenshots/welcome-${scheme}.png`);
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  if (runBuild() !== 0) process.exit(1);
  mkdirSync(OUT, { recursive: true });
  // --packs: only the reference-pack pictures (scripts/screenshots-packs.ts).
  const packsOnly = process.argv.includes('--packs');
  if (!packsOnly) for (const scheme of ['light', 'dark'] as const) await shootPages(scheme);
  if (process.argv.includes('pages')) return;
  const server = await startServer();
  await packShots(server, shoot);
  if (packsOnly) return server.close();
  const path = hasSharedPages() ? `/shared/${REAL_POST}` : '/demo/defectors-1937.html';
  const url = server.url(path);
  for (const scheme of ['light', 'dark'] as const) {
    const session = await launchChromium({ colorScheme: scheme });
    try {
      const page = await session.newPage();
      await page.goto(url);
      await waitForHighlights(page, 10);
      const card: CardInfo = await hoverName(page, 'Krivitsky', 1);
      console.log(`card: ${card.name}`);
      await shoot(page, `card-${scheme}.png`);
      if (scheme === 'light') {
        await page.keyboard.press('Escape');
        await hoverName(page, 'Mexico City');
        await shoot(page, 'card-place-map.png');
        await page.keyboard.press('Escape');
        // "Hoover" on the real post: linked to Herbert Hoover by a cue near it, with "Not this?".
        await hoverName(page, hasSharedPages() ? 'Hoover' : 'Krivitsky');
        await shoot(page, 'card-correction.png');
        const ext = await extensionPage(session);
        const tabId = await tabIdFor(ext, url);
        await (ext as unknown as { setViewportSize(s: { width: number; height: number }): Promise<void> }).setViewportSize({
          width: 380,
          height: 640,
        });
        await openExtensionPage(ext, `${session.extensionOrigin}/popup.html?tab=${tabId}`);
        await shoot(ext, 'popup-timeline.png');
      }
    } finally {
      await session.close();
    }
  }
  await server.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
