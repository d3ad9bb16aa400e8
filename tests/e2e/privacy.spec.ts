import type { Request } from '@playwright/test';
import { expect, openExtensionPage, sendFromPage, test } from './extension';
import { expectBadgesAsMarked } from './pages';

/**
 * Every request the browser makes while the extension scans pages, answers the
 * popup, shows insights and exports the reading list is recorded; none may leave
 * 127.0.0.1 except the page loads this test itself asks for (there are none
 * here: the fixtures are served locally).
 */
test('nothing leaves 127.0.0.1 while Paperlens scans pages, answers the popup and exports', async ({
  context,
  server,
}) => {
  const requests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  context.on('request', record);
  // Anything that tried to go out would be stopped here too (and recorded above).
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])(?!chrome-extension:)(?!data:)(?!blob:).*/, (route) =>
    route.abort('blockedbyclient'),
  );

  for (const fixture of ['blog.html', 'scholar.html', 'hostile.html']) {
    const page = await context.newPage();
    await page.goto(server.url(fixture));
    // The hostile page re-adds its links every 50 ms, so only wait for its badges to show.
    if (fixture === 'hostile.html') await expect(page.locator('[data-paperlens="badge"]').first()).toBeVisible();
    else await expectBadgesAsMarked(page, expect);
    if (fixture === 'blog.html') {
      const badge = page.locator('[data-paperlens="badge"]').first().getByRole('button');
      await badge.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('dialog').getByRole('button', { name: 'Saved' })).toBeVisible();
    }
    await page.close();
  }

  const popup = await openExtensionPage(context, 'popup.html');
  await popup.getByRole('searchbox').fill('pioro scaling');
  // The background's answer to the query, not the list shown before it.
  await expect(popup.locator('.results')).toHaveAttribute('aria-busy', 'false');
  await expect(popup.locator('.results mark').first()).toBeVisible();
  const save = popup.locator('.results [data-paperlens-id]').first().getByRole('button', { name: /^Save/ });
  if ((await save.getAttribute('aria-pressed')) === 'false') await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');

  const list = await openExtensionPage(context, 'reading-list.html');
  await expect(list.locator('.entries [data-paperlens-id]')).not.toHaveCount(0);
  for (const format of ['BibTeX', 'Markdown', 'CSV', 'JSON']) {
    const [download] = await Promise.all([
      list.waitForEvent('download'),
      list.getByRole('button', { name: format, exact: true }).click(),
    ]);
    expect(download.url()).toMatch(/^blob:chrome-extension:\/\//);
  }
  const insights = await openExtensionPage(context, 'insights.html');
  await expect(insights.locator('[data-mark="dot"]')).toHaveCount(13);
  await openExtensionPage(context, 'options.html');
  await sendFromPage(list, 'corpusStatus', undefined);
  // The library page, and a refresh asked for without the arXiv permission: still nothing leaves.
  const library = await openExtensionPage(context, 'library.html');
  await expect(library.locator('[data-paperlens-author="Jan Ludziejewski"]')).toBeVisible();
  await sendFromPage(library, 'followOnArxiv', { query: 'au:Pioro_M' });
  await expect(library.getByText(/may not reach arXiv yet/)).toBeVisible();

  const outside = requests.filter((url) => !/^(https?:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:)/.test(url));
  expect(outside).toEqual([]);
  // The recording works: the fixture pages themselves were seen.
  expect(requests.filter((url) => url.startsWith(server.origin)).length).toBeGreaterThanOrEqual(3);
});
