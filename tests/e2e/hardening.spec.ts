import type { Page } from '@playwright/test';
import { defineLookalikes } from '../helpers/lookalikes';
import { generateList } from '../helpers/reading-list';
import { backgroundWorker, expect, extensionId, openExtensionPage, sendFromPage, test } from './extension';
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
  const badges = await page.locator('[data-paperlens="badge"]').count();
  expect(await page.evaluate(() => window.__messages.join('\n'))).not.toContain(id);

  // The attack: replay, as a CustomEvent, the "content script started" message WXT used to post.
  await page.evaluate((extension) => {
    const type = `${extension}:content:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
  }, id);
  await page.waitForTimeout(100);
  await expect(page.locator('[data-paperlens="badge"]')).toHaveCount(badges);
  // Links added afterwards are still badged.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: 'https://arxiv.org/abs/2506.10910', id: 'late' });
    link.textContent = 'added later';
    document.body.append(link);
  });
  await expect(page.locator('#late + [data-paperlens="badge"]')).toHaveAttribute('data-paperlens-id', '2506.10910');
});

test('frames made from srcdoc, about:blank and data: get badges', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('frames.html'));
  const badgeIn = (selector: string) => page.frameLocator(selector).locator('[data-paperlens="badge"]');
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
  const badge = page.locator('[data-paperlens="badge"][data-paperlens-id="2402.07871"]').getByRole('button').first();
  await badge.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Saved' })).toBeVisible();
  const list = await openExtensionPage(context, 'popup.html');
  const entries = await sendFromPage<{ id: string; source: { url: string } }[]>(list, 'getReadingList', undefined);
  expect(entries.map((entry) => [entry.id, entry.source.url])).toEqual([['2402.07871', server.url('blog.html')]]);
});

interface StoredEntry {
  id: string;
  note: string;
  tags: string[];
  status: string;
}
const storedEntry = async (page: Page, id: string) =>
  (await sendFromPage<StoredEntry[]>(page, 'getReadingList', undefined)).find((entry) => entry.id === id);

test('a note or tags saved in one tab are not undone by a field focused in another', async ({ context }) => {
  const pageA = await openExtensionPage(context, 'reading-list.html');
  await sendFromPage(pageA, 'saveToReadingList', { id: '2402.07871' });
  const rowA = pageA.locator('[data-paperlens-id="2402.07871"]');
  const noteA = rowA.getByRole('textbox', { name: 'Note' });
  const tagsA = rowA.getByRole('textbox', { name: 'Tags' });
  await noteA.focus();

  // Tab B (the popup's reading list) writes a note and tags while A's note field has the focus.
  const popup = await openExtensionPage(context, 'popup.html');
  await popup.getByRole('tab', { name: /Reading list/ }).click();
  const rowB = popup.locator('[data-paperlens-id="2402.07871"]');
  await rowB.getByText('Note and tags').click();
  await rowB.getByRole('textbox', { name: 'Note' }).fill('written in the popup');
  await rowB.getByRole('textbox', { name: 'Tags' }).fill('moe, from-popup');
  await rowB.getByRole('textbox', { name: 'Tags' }).press('Enter');
  await expect.poll(async () => (await storedEntry(popup, '2402.07871'))?.note).toBe('written in the popup');
  await popup.close();

  // A's untouched field shows what B wrote, and clicking away or closing A writes nothing stale.
  await expect(noteA).toHaveValue('written in the popup');
  await tagsA.focus();
  await pageA.locator('h1').click();
  await pageA.close();
  const page = await openExtensionPage(context, 'reading-list.html');
  expect(await storedEntry(page, '2402.07871')).toMatchObject({
    note: 'written in the popup',
    tags: ['moe', 'from-popup'],
  });
});

test('a note changed in two tabs at once keeps both versions until the user chooses', async ({ context }) => {
  // The other tab is opened first: a tab that goes to the background saves its draft, as it should.
  const other = await openExtensionPage(context, 'popup.html');
  const page = await openExtensionPage(context, 'reading-list.html');
  await sendFromPage(page, 'saveToReadingList', { id: '2402.07871' });
  await sendFromPage(page, 'updateReadingListEntry', { id: '2402.07871', note: 'first' });
  const note = page.locator('[data-paperlens-id="2402.07871"]').getByRole('textbox', { name: 'Note' });
  await expect(note).toHaveValue('first');
  // Hold this page's clock, so its note waits for the blur rather than the typing pause.
  await page.clock.install();
  await note.fill('mine');
  // Meanwhile the other tab saves its own version.
  await sendFromPage(other, 'updateReadingListEntry', { id: '2402.07871', note: 'theirs', base: { note: 'first' } });
  await page.locator('h1').click();
  const conflict = page.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(conflict).toContainText('theirs');
  await expect(note).toHaveValue('mine');
  expect((await storedEntry(page, '2402.07871'))?.note).toBe('theirs');
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await expect(conflict).toBeHidden();
  await expect.poll(async () => (await storedEntry(page, '2402.07871'))?.note).toBe('theirs\n\nmine');
  await expect(note).toHaveValue('theirs\n\nmine');
});

test('a page script can neither save, remove nor open anything through Paperlens', async ({ context, server }) => {
  await closeTheInternet(context);
  const page = await openBadgedPage(context, server.url('blog.html'), expect);
  const popup = await openExtensionPage(context, 'popup.html');
  await sendFromPage(popup, 'saveToReadingList', { id: '2402.07871' });
  await sendFromPage(popup, 'updateReadingListEntry', { id: '2402.07871', note: 'keep me', tags: ['moe'] });
  const tabs = context.pages().length;

  // The user opens a card; the page's script then presses every button in it, and on every badge.
  await page.locator('[data-paperlens="badge"][data-paperlens-id="2402.07871"]').getByRole('button').first().click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Saved' })).toBeVisible();
  await page.evaluate(() => {
    const card = document.querySelector('[data-paperlens="card"]')?.shadowRoot;
    for (let i = 0; i < 3; i++) for (const button of card?.querySelectorAll('button') ?? []) button.click();
    for (const host of document.querySelectorAll('[data-paperlens="badge"]')) {
      host.shadowRoot?.querySelector('button')?.click();
      host.shadowRoot?.querySelector('button')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
  });
  await page.waitForTimeout(300);
  expect(context.pages()).toHaveLength(tabs);
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Saved' })).toBeVisible();
  const list = await sendFromPage<StoredEntry[]>(popup, 'getReadingList', undefined);
  expect(list.map(({ id, note, tags }) => ({ id, note, tags }))).toEqual([
    { id: '2402.07871', note: 'keep me', tags: ['moe'] },
  ]);
});

test('custom elements a page defines under Paperlens names never run inside its UI', async ({ context, server }) => {
  await context.addInitScript(defineLookalikes);
  const page = await openBadgedPage(context, server.url('blog.html'), expect);
  await page.locator('[data-paperlens="badge"][data-paperlens-id="2310.15961"]').getByRole('button').first().click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Save' })).toBeVisible();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
  const popup = await openExtensionPage(context, 'popup.html');
  expect(await sendFromPage(popup, 'getReadingList', undefined)).toEqual([]);
});

test('removing a paper from a card offers Undo, which brings back its note, tags and status', async ({
  context,
  server,
}) => {
  const page = await openBadgedPage(context, server.url('blog.html'), expect);
  const popup = await openExtensionPage(context, 'popup.html');
  await sendFromPage(popup, 'saveToReadingList', { id: '2402.07871' });
  await sendFromPage(popup, 'updateReadingListEntry', {
    id: '2402.07871',
    note: 'my note',
    tags: ['moe'],
    status: 'read',
  });
  await page.locator('[data-paperlens="badge"][data-paperlens-id="2402.07871"]').getByRole('button').first().click();
  const card = page.getByRole('dialog');
  await card.getByRole('button', { name: 'Saved' }).click();
  await expect(card.getByRole('status')).toHaveText(
    'Removed from your reading list, with your note and 1 tag and the status “Read”. Undo',
  );
  expect(await sendFromPage(popup, 'getReadingList', undefined)).toEqual([]);
  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(card.getByRole('button', { name: 'Saved' })).toBeVisible();
  expect(await storedEntry(popup, '2402.07871')).toMatchObject({ note: 'my note', tags: ['moe'], status: 'read' });
});

test('a full disk fails one save with a plain message; once space is free everything works, no restart', async ({
  context,
}) => {
  const page = await openExtensionPage(context, 'reading-list.html');
  await sendFromPage(page, 'saveToReadingList', { id: '2402.07871' });
  const note = page.locator('[data-paperlens-id="2402.07871"]').getByRole('textbox', { name: 'Note' });
  await expect(note).toHaveValue('');
  // The disk fills up: a write fails with QuotaExceededError and Chrome then closes the connection, as it does.
  const worker = await backgroundWorker(context);
  await worker.evaluate(() => {
    const scope = self as unknown as { diskFull: boolean };
    scope.diskFull = true;
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
      if (scope.diskFull && args[1] === 'readwrite') {
        this.close();
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return transaction.apply(this, args);
    } as typeof transaction;
  });
  await note.fill('written while the disk was full');
  await page.locator('h1').click();
  await expect(page.getByRole('alert').first()).toContainText(
    'Your disk is full, so Paperlens could not store this. Free some space, then try again.',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'not saved yet' })).toBeVisible();
  await expect(note).toHaveValue('written while the disk was full');
  await expect(page.locator('body')).not.toContainText(/QuotaExceededError|InvalidStateError|connection is closing/);

  // Space is freed: the list loads and the kept note saves with Retry, on the same browser.
  await worker.evaluate(() => {
    (self as unknown as { diskFull: boolean }).diskFull = false;
  });
  expect(await sendFromPage(page, 'getReadingList', undefined)).toHaveLength(1);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not saved yet' })).toBeHidden();
  await expect.poll(async () => (await storedEntry(page, '2402.07871'))?.note).toBe('written while the disk was full');
});

test('a long reading list opens at once, draws only what shows, and every entry is still reachable', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage(context, 'reading-list.html');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(generateList(3000)) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('3000 added');
  await page.reload();
  const rows = page.locator('.entries [data-paperlens-id]');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.counts')).toContainText('3000 saved');
  // Only about a screenful of rows is in the page, each saying where it stands in the whole list.
  expect(await rows.count()).toBeLessThan(40);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '3000');
  // The newest is first; the oldest is there at the bottom of the page.
  await page.keyboard.press('End');
  await expect(page.locator('.entries [aria-posinset="3000"]')).toBeVisible();
  // A filter finds an entry from far down the list, and its note can be written.
  const list = await sendFromPage<StoredEntry[]>(page, 'getReadingList', undefined);
  const deep = list[2500] as StoredEntry;
  await page.getByRole('searchbox', { name: 'Filter the reading list' }).fill(deep.id);
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('textbox', { name: 'Note' }).fill('found it');
  await page.locator('h1').click();
  await expect.poll(async () => (await storedEntry(page, deep.id))?.note).toBe('found it');
});

test('links a page rewrites every frame end up with the right badges once it stops', async ({ context, server }) => {
  await closeTheInternet(context);
  const page = await openBadgedPage(context, server.url('blog.html'), expect);
  // For two seconds, every frame: each link switches between two papers, or to a tracker and back.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-expect]')];
        const ids = ['2401.04081', '2502.05172', '2310.15961'];
        const until = performance.now() + 2000;
        let turn = 0;
        const frame = () => {
          turn++;
          links.forEach((link, i) => {
            const id = ids[(i + turn) % ids.length];
            link.setAttribute('href', turn % 3 ? `https://arxiv.org/abs/${id}` : `https://t.example/r/${i}-${turn}`);
          });
          if (performance.now() < until) requestAnimationFrame(frame);
          else {
            // The final state: every link to the same paper.
            for (const link of links) link.setAttribute('href', 'https://arxiv.org/abs/2506.10910');
            done();
          }
        };
        requestAnimationFrame(frame);
      }),
  );
  // Each link ends with one badge, for the paper it links to now (links that kept changing are backed off).
  await expect
    .poll(
      () =>
        page.evaluate(() => [
          ...new Set(
            [...document.querySelectorAll('a[data-expect]')].map((a) =>
              a.nextElementSibling?.getAttribute('data-paperlens-id'),
            ),
          ),
        ]),
      { timeout: 15_000 },
    )
    .toEqual(['2506.10910']);
});
