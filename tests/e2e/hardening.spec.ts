import { expect, extensionId, openExtensionPage, sendFromPage, test } from './extension';
import { closeTheInternet, openBadgedPage } from './pages';

/** What the page saw of Paperlens: every window message it received, as text. */
declare global {
  interface Window {
    __messages: string[];
  }
}

test('a page can neither switch Paperlens off nor learn its id', async ({ context, server }) => {
  await context.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (event) => window.__messages.push(JSON.stringify(event.data)));
  });
  const page = await openBadgedPage(context, server.url('blog.html'), expect);
  const id = await extensionId(context);
  const badges = await page.locator('paperlens-badge').count();
  expect(await page.evaluate(() => window.__messages.join('\n'))).not.toContain(id);

  // The attack: replay, as a CustomEvent, the "content script started" message WXT used to post.
  await page.evaluate((extension) => {
    const type = `${extension}:content:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
  }, id);
  await page.waitForTimeout(100);
  await expect(page.locator('paperlens-badge')).toHaveCount(badges);
  // Links added afterwards are still badged.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: 'https://arxiv.org/abs/2506.10910', id: 'late' });
    link.textContent = 'added later';
    document.body.append(link);
  });
  await expect(page.locator('#late + paperlens-badge')).toHaveAttribute('data-paperlens-id', '2506.10910');
});

test('frames made from srcdoc, about:blank and data: get badges', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('frames.html'));
  const badgeIn = (selector: string) => page.frameLocator(selector).locator('paperlens-badge');
  await expect(badgeIn('#srcdoc')).toHaveAttribute('data-paperlens-id', '2402.07871');
  await expect(badgeIn('#blank')).toHaveAttribute('data-paperlens-id', '2401.04081');
  await expect(badgeIn('#data')).toHaveAttribute('data-paperlens-id', '2310.15961');
});

test('saving from a page with a very long address keeps the paper, with its source shortened', async ({
  context,
  server,
}) => {
  await closeTheInternet(context);
  const page = await openBadgedPage(context, server.url(`blog.html?q=${'moe-'.repeat(800)}#top`), expect);
  const badge = page.locator('paperlens-badge[data-paperlens-id="2402.07871"]').getByRole('button').first();
  await badge.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Saved' })).toBeVisible();
  const list = await openExtensionPage(context, 'popup.html');
  const entries = await sendFromPage<{ id: string; source: { url: string } }[]>(list, 'getReadingList', undefined);
  expect(entries.map((entry) => [entry.id, entry.source.url])).toEqual([['2402.07871', server.url('blog.html')]]);
});
