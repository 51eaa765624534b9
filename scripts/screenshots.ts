/**
 * npm run screenshots: the pictures in docs/screenshots/ (for the README), taken from the built
 * extension in headless Chromium on the real post (or the demo post when ../shared is absent):
 * a card in light and dark mode, a place with its map, the popup's cast of characters.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tools/browser/launch';
import { extensionPage, tabIdFor } from '../tools/browser/extension';
import { hoverName, openExtensionPage, waitForHighlights, type CardInfo } from '../tools/browser/page';
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

async function main(): Promise<void> {
  if (runBuild() !== 0) process.exit(1);
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  // --packs: only the reference-pack pictures (scripts/screenshots-packs.ts).
  const packsOnly = process.argv.includes('--packs');
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
