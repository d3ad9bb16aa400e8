import { expect, openExtensionPage, sendFromPage, test } from './extension';
import { closeTheInternet, expectBadgesAsMarked } from './pages';

/**
 * The README's screenshots, taken from the real extension in Chromium, light
 * and dark. Each also checks what it shows, so a broken UI fails here too.
 */
const SHOTS = 'docs/screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme}): badges with an open card, the popup, the reading list`, async ({
    context,
    server,
  }) => {
    await closeTheInternet(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 960, height: 620 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url('blog.html'));
    await expectBadgesAsMarked(page, expect);
    const badge = page.locator('[data-paperlens="badge"][data-paperlens-id="2402.07871"]').getByRole('button').first();
    await badge.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toContainText('Scaling Laws for Fine-Grained Mixture of Experts');
    await page.screenshot({ path: `${SHOTS}/badges-${scheme}.png` });

    const popup = await openExtensionPage(context, 'popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 580 });
    await expect(popup.locator('.results [data-paperlens-id]')).toHaveCount(13);
    await popup.getByRole('searchbox').fill('mixture experts');
    await expect(popup.locator('.results mark').first()).toBeVisible();
    await popup.screenshot({ path: `${SHOTS}/popup-${scheme}.png` });

    for (const id of ['2402.07871', '2508.09752', '2401.04081']) await sendFromPage(popup, 'saveToReadingList', { id });
    await sendFromPage(popup, 'updateReadingListEntry', {
      id: '2402.07871',
      status: 'reading',
      note: 'Granularity as a new scaling axis; compare with the joint MoE scaling laws.',
      tags: ['moe', 'scaling'],
    });
    const list = await openExtensionPage(context, 'reading-list.html');
    await list.emulateMedia({ colorScheme: scheme });
    await list.setViewportSize({ width: 960, height: 620 });
    await expect(list.locator('.entries [data-paperlens-id]')).toHaveCount(3);
    await list.screenshot({ path: `${SHOTS}/reading-list-${scheme}.png` });
  });
}
