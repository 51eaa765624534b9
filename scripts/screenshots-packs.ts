/**
 * The reference-pack pictures for the README and docs/PACKS.md: the example pack imported on the
 * options page, then a pack entity's card (docs/screenshots/card-pack.png) and a bundled entity's card
 * with the pack's part, in light and dark. Called by scripts/screenshots.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type TestPage } from '../tools/browser/launch';
import { hoverName, openExtensionPage, waitFor, waitForHighlights } from '../tools/browser/page';
import type { StaticServer } from '../tools/browser/server';
import { DEMO_DIR } from '../tools/paths';

const run = <T>(page: TestPage, script: string): Promise<T> => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

export async function packShots(server: StaticServer, shoot: (page: TestPage, name: string) => Promise<void>): Promise<void> {
  const pack = readFileSync(join(DEMO_DIR, 'hussite-bohemia.pack.json'), 'utf8');
  for (const scheme of ['light', 'dark'] as const) {
    const session = await launchChromium({ colorScheme: scheme });
    try {
      const options = await session.newPage();
      await openExtensionPage(options, `${session.extensionOrigin}/options.html`);
      await waitFor(
        () => run<string>(options, 'document.body.innerText'),
        (t) => t.includes('Reference packs'),
        10_000,
        'the options page',
      );
      await run(
        options,
        `(() => {
          const input = document.querySelector('#packs input[type=file]');
          const transfer = new DataTransfer();
          transfer.items.add(new File([${JSON.stringify(pack)}], 'hussite-bohemia.pack.json', { type: 'application/json' }));
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        })()`,
      );
      await waitFor(
        () => run<string>(options, 'document.body.innerText'),
        (t) => t.includes('Imported'),
        10_000,
        'the import',
      );
      await shoot(options, `options-packs-${scheme}.png`);
      const page = await session.newPage();
      await page.goto(server.url('/fixtures/hussite-reading.html'));
      await waitForHighlights(page, 20);
      await hoverName(page, 'Jerome of Prague');
      await shoot(page, scheme === 'light' ? 'card-pack.png' : 'card-pack-dark.png');
      await page.keyboard.press('Escape');
      await hoverName(page, 'Jan Hus');
      await shoot(page, `card-pack-bundled-${scheme}.png`);
    } finally {
      await session.close();
    }
  }
}
