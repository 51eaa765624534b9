/**
 * The reference-pack pictures for the README and docs/PACKS.md: the example pack imported on the
 * options page, then a pack entity's card (docs/screenshots/card-pack.png: the pack's label, its
 * description and a relation), a bundled entity's card with the pack's part, and the pack's note on
 * a passage of the reading, in light and dark. Called by scripts/screenshots.ts
 * (`npm run screenshots -- --packs` takes only these).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type TestPage } from '../tools/browser/launch';
import { card, framesInfo, hoverName, openExtensionPage, waitFor, waitForHighlights, wordPoint } from '../tools/browser/page';
import type { StaticServer } from '../tools/browser/server';
import { DEMO_DIR } from '../tools/paths';

const run = <T>(page: TestPage, script: string): Promise<T> => (page as unknown as { evaluate(s: string): Promise<T> }).evaluate(script);

/** Where the example pack's passage note says its reading is; served here from the e2e fixtures. */
const COURSE_PAGE = 'https://course.example/bohemian-reformation/week-3.html';
const READING = '/fixtures/hussite-reading.html';

export async function packShots(server: StaticServer, shoot: (page: TestPage, name: string) => Promise<void>): Promise<void> {
  const pack = readFileSync(join(DEMO_DIR, 'hussite-bohemia.pack.json'), 'utf8').replace(COURSE_PAGE, server.url(READING));
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
      await page.goto(server.url(READING));
      await waitForHighlights(page, 20);
      // A pack-only entity with everything a pack gives: its description, the pack's note, and
      // relations (one drawn by a bundled entity the pack names: Jan Žižka).
      await hoverName(page, 'Taborites');
      // The pack's part and the relations come with the card's details, a moment after the card.
      await waitFor(
        () => card(page),
        (c) => (c.text ?? '').includes('led by Jan Žižka') && (c.text ?? '').includes('From the pack'),
        5000,
        'the relations of the Taborites',
      );
      await shoot(page, scheme === 'light' ? 'card-pack.png' : 'card-pack-dark.png');
      await page.keyboard.press('Escape');
      await hoverName(page, 'Jan Hus');
      await shoot(page, `card-pack-bundled-${scheme}.png`);
      await page.keyboard.press('Escape');
      const point = await wordPoint(page, 'carried the war abroad', 'abroad');
      await waitFor(
        () => framesInfo(page),
        (f) => (f.marks['pack-note'] ?? []).length > 0,
        8000,
        'the pack passage mark',
      );
      await page.mouse.move(point.x, point.y + 40);
      await page.mouse.move(point.x, point.y);
      await waitFor(
        () => card(page),
        (c) => c.open && (c.name ?? '').startsWith('Note from the pack'),
        5000,
        'the pack note card',
      );
      await shoot(page, `card-pack-passage-${scheme}.png`);
    } finally {
      await session.close();
    }
  }
}
