/** Dark mode: with prefers-color-scheme: dark the card turns dark, and axe still finds nothing. */
import { expect, needsSharedPages, test } from './support/fixtures';
import { launch, type ExtensionSession } from '../../tools/browser/launch';
import { axeViolations, card, hoverName, waitForHighlights } from '../../tools/browser/page';
import { REAL_POST } from '../../tools/paths';

test('the card follows a dark colour scheme', async ({ server, engine }) => {
  needsSharedPages();
  // A second browser is launched for this test: on a loaded machine that alone takes most of a minute.
  test.setTimeout(120_000);
  let dark: ExtensionSession | undefined;
  try {
    dark = await launch(engine, { colorScheme: 'dark' });
    const page = await dark.newPage();
    await page.goto(server.url(`/shared/${REAL_POST}`));
    await waitForHighlights(page, 20);
    await hoverName(page, 'Krivitsky', 1);
    const shown = await card(page);
    const [r, g, b] = (shown.background ?? '').match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await dark?.close();
  }
});
