import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { backgroundWorker, expect, openExtensionPage, sendFromPage, test } from './extension';
import { closeTheInternet } from './pages';

interface Entry {
  id: string;
  title: string;
  status: string;
  note: string;
  tags: string[];
  source: { url: string; linkText: string } | null;
  inCorpus: boolean;
}

const readingList = (page: Page) => sendFromPage<Entry[]>(page, 'getReadingList', undefined);

/** Saves a few papers through the background, as badges and the popup do. */
async function seed(page: Page) {
  await expect
    .poll(() => sendFromPage<{ papers: number }>(page, 'corpusStatus', undefined).then((s) => s.papers))
    .toBe(13);
  for (const id of ['2402.07871', '2310.15961']) await sendFromPage(page, 'saveToReadingList', { id });
  await sendFromPage(page, 'saveToReadingList', {
    id: '1706.03762',
    title: 'Attention Is All You Need, "quoted", with commas',
    source: { url: 'https://example.org/blog', linkText: 'Attention Is All You Need' },
  });
}

/** The text of a reading-list export (JSON, version 1) holding `entries`. */
const exportFile = (entries: unknown[]) =>
  JSON.stringify({ format: 'paperlens-reading-list', version: 1, exportedAt: new Date().toISOString(), entries });

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('the reading-list page: status, note, tags, sort, filter, counts, remove with undo', async ({ context }) => {
  const page = await openExtensionPage(context, 'reading-list.html');
  await seed(page);
  await page.reload();
  const rows = page.locator('.entries [data-paperlens-id]');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('.counts')).toContainText('3 saved · 3 to read · 0 reading · 0 read');

  const scaling = page.locator('[data-paperlens-id="2402.07871"]');
  await scaling.getByRole('combobox', { name: /^Status of/ }).selectOption('reading');
  await scaling.getByRole('textbox', { name: 'Note' }).fill('Granularity G is the knob.\nSecond line, with "quotes".');
  await scaling.getByRole('textbox', { name: /Tags/ }).fill('moe, scaling, MoE');
  await scaling.getByRole('textbox', { name: /Tags/ }).press('Enter');
  await page.locator('h1').click(); // blur commits the note
  await expect
    .poll(async () => (await readingList(page)).find((e) => e.id === '2402.07871'))
    .toMatchObject({
      status: 'reading',
      note: 'Granularity G is the knob.\nSecond line, with "quotes".',
      tags: ['moe', 'scaling'],
    });
  await expect(page.locator('.counts')).toContainText('3 saved · 2 to read · 1 reading · 0 read');

  // After a reload everything is still there (it is in IndexedDB, not in the page).
  await page.reload();
  await expect(page.locator('[data-paperlens-id="2402.07871"]').getByRole('textbox', { name: 'Note' })).toHaveValue(
    'Granularity G is the knob.\nSecond line, with "quotes".',
  );

  const order = () => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-paperlens-id')));
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  expect(await order()).toEqual(['1706.03762', '2310.15961', '2402.07871']);
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('reading');
  expect(await order()).toEqual(['2402.07871']);
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('all');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('moe');
  expect(await order()).toEqual(['2402.07871']);
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Filter the reading list' }).fill('tokens');
  expect(await order()).toEqual(['2310.15961']);
  await page.getByRole('searchbox', { name: 'Filter the reading list' }).fill('');

  await page
    .locator('[data-paperlens-id="2310.15961"]')
    .getByRole('button', { name: /^Remove/ })
    .click();
  await expect(rows).toHaveCount(2);
  await expect
    .poll(async () => (await readingList(page)).map((e) => e.id).sort())
    .toEqual(['1706.03762', '2402.07871']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(3);

  // Editing a row so it no longer matches the filter keeps it (and the focus) until the filter changes.
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('to-read');
  await expect(rows).toHaveCount(2);
  const select = page.locator('[data-paperlens-id="2310.15961"]').getByRole('combobox', { name: /^Status of/ });
  await select.focus();
  await select.selectOption('read');
  await expect(rows).toHaveCount(2);
  await expect(select).toBeFocused();
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('read');
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('to-read');
  await expect(rows).toHaveCount(1);
  await expect
    .poll(async () => (await readingList(page)).map((e) => e.id).sort())
    .toEqual(['1706.03762', '2310.15961', '2402.07871']);
});

test('exports BibTeX, Markdown, CSV and JSON files with the saved papers', async ({ context }) => {
  const page = await openExtensionPage(context, 'reading-list.html');
  await seed(page);
  await page.reload();
  await expect(page.locator('.entries [data-paperlens-id]')).toHaveCount(3);

  const bib = await downloadText(page, 'BibTeX');
  expect(bib.name).toMatch(/^paperlens-reading-list-\d{4}-\d{2}-\d{2}\.bib$/);
  expect(bib.text).toContain('@misc{krajewski2024scaling,');
  expect(bib.text).toContain('eprint = {2402.07871}');
  expect(bib.text).toContain('archivePrefix = {arXiv}');
  expect(bib.text).toContain('primaryClass = {cs.LG}');
  expect(bib.text.match(/@misc\{/g)).toHaveLength(3);

  const md = await downloadText(page, 'Markdown');
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toContain('(https://arxiv.org/abs/2310.15961)');

  const csv = await downloadText(page, 'CSV');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.split('\r\n')[0]).toBe(
    'id,title,authors,year,primary_category,status,tags,note,saved_at,url,source_url',
  );
  expect(csv.text).toContain('"Attention Is All You Need, ""quoted"", with commas"');

  const json = await downloadText(page, 'JSON');
  const parsed = JSON.parse(json.text) as { format: string; version: number; entries: Entry[] };
  expect(parsed.format).toBe('paperlens-reading-list');
  expect(parsed.version).toBe(1);
  expect(parsed.entries.map((e) => e.id).sort()).toEqual(['1706.03762', '2310.15961', '2402.07871']);
});

test('the page asks the library only for the papers it holds: rows show their categories, never the whole library', async ({
  context,
}) => {
  // Records the type of every message the extension's pages send.
  await context.addInitScript(() => {
    type Send = (message: { type?: string }, ...rest: unknown[]) => unknown;
    const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: Send } } }).chrome?.runtime;
    const send = runtime?.sendMessage;
    if (!runtime || !send) return;
    const sent: string[] = [];
    Object.assign(globalThis, { paperlensSent: sent });
    runtime.sendMessage = (message, ...rest) => {
      sent.push(String(message?.type));
      return send.call(runtime, message, ...rest);
    };
  });
  const page = await openExtensionPage(context, 'reading-list.html');
  await seed(page);
  await page.reload();
  await expect(page.locator('.entries [data-paperlens-id]')).toHaveCount(3);
  await expect(page.locator('[data-paperlens-id="2402.07871"] .cat-chip')).toContainText('LG');
  await expect(page.locator('[data-paperlens-id="2310.15961"] .cat-chip')).toContainText('CL');
  await expect(page.locator('[data-paperlens-id="1706.03762"] .cat-chip')).toHaveCount(0);
  const sent = await page.evaluate(() => (globalThis as unknown as { paperlensSent: string[] }).paperlensSent);
  expect(sent).toContain('getPapers');
  expect(sent).not.toContain('getLibrary');
});

test('importing a broken or foreign file shows what is wrong and changes nothing; a good file merges', async ({
  context,
}) => {
  const page = await openExtensionPage(context, 'reading-list.html');
  await seed(page);
  await page.reload();
  await expect(page.locator('.entries [data-paperlens-id]')).toHaveCount(3);
  const before = await readingList(page);
  const importFile = (name: string, text: string) =>
    page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  await importFile('broken.json', '{"format": "paperlens-reading-list", "version": 1, "entries": [');
  await expect(page.getByRole('alert')).toContainText('Could not import “broken.json”');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed');
  expect(await readingList(page)).toEqual(before);

  await importFile('package.json', JSON.stringify({ name: 'not-a-reading-list', version: '1.0.0' }));
  await expect(page.getByRole('alert')).toContainText('package.json');
  await expect(page.getByRole('alert')).toContainText(/paperlens-reading-list/);
  expect(await readingList(page)).toEqual(before);

  await importFile('bad-id.json', exportFile([{ ...before[0], id: 'not an id' }]));
  await expect(page.getByRole('alert')).toContainText('entries.0.id');
  expect(await readingList(page)).toEqual(before);
  await expect(page.locator('.entries [data-paperlens-id]')).toHaveCount(3);

  const newEntry = {
    ...before[0],
    id: '2001.08361',
    title: 'Scaling Laws for Neural Language Models',
    inCorpus: false,
  };
  await importFile('good.json', exportFile([newEntry, ...before]));
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 added');
  await expect(page.locator('.entries [data-paperlens-id]')).toHaveCount(4);
  const after = await readingList(page);
  expect(after.map((e) => e.id).sort()).toEqual(['1706.03762', '2001.08361', '2310.15961', '2402.07871']);
});

test("save from a page link's context menu: the item exists for paper links, and its click saves the link", async ({
  context,
  server,
}) => {
  await closeTheInternet(context);
  const page = await context.newPage();
  await page.goto(server.url('blog.html'));
  const worker = await backgroundWorker(context);
  // The item is created on install; updating an item that does not exist rejects.
  await expect
    .poll(() =>
      worker.evaluate(() =>
        (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.contextMenus
          .update('paperlens-save-link', {})
          .then(
            () => true,
            () => false,
          ),
      ),
    )
    .toBe(true);
  // Playwright cannot open the browser's own context menu; dispatch the click the browser would send.
  const result = await worker.evaluate(
    async ({ linkUrl, pageUrl }) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const onClicked = api.contextMenus.onClicked as unknown as { dispatch?: (...args: unknown[]) => void };
      const [tab] = await api.tabs.query({ url: pageUrl });
      if (!onClicked.dispatch) return 'no dispatch';
      onClicked.dispatch({ menuItemId: 'paperlens-save-link', linkUrl, pageUrl, editable: false }, tab);
      return 'dispatched';
    },
    { linkUrl: 'https://arxiv.org/pdf/1706.03762v7', pageUrl: server.url('blog.html') },
  );
  expect(result).toBe('dispatched');
  const extension = await openExtensionPage(context, 'reading-list.html');
  await expect.poll(async () => (await readingList(extension)).map((e) => e.id)).toEqual(['1706.03762']);
  const [entry] = await readingList(extension);
  expect(entry).toMatchObject({ inCorpus: false, source: { url: server.url('blog.html') } });
  await expect(extension.locator('[data-paperlens-id="1706.03762"]')).toContainText('from 127.0.0.1');
});

test('the reading-list and options pages pass axe-core in light and dark', async ({ context }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await openExtensionPage(context, 'reading-list.html');
    await page.emulateMedia({ colorScheme });
    if (colorScheme === 'light') await seed(page);
    await page.reload();
    await expect(page.locator('.entries [data-paperlens-id]')).toHaveCount(3);
    expect(await seriousViolations(page), `reading list ${colorScheme}`).toEqual([]);
    const options = await openExtensionPage(context, 'options.html');
    await options.emulateMedia({ colorScheme });
    await expect(options.getByRole('heading', { name: 'Paperlens settings' })).toBeVisible();
    expect(await seriousViolations(options), `options ${colorScheme}`).toEqual([]);
    await page.close();
    await options.close();
  }
});

test('options apply live: badge parts, theme, and a site added by hand', async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('blog.html'));
  await expect(page.locator('[data-paperlens="badge"]').first()).toBeVisible();
  const options = await openExtensionPage(context, 'options.html');
  await options.getByRole('checkbox', { name: 'Novelty' }).uncheck();
  await expect(page.locator('[data-paperlens="badge"]').first().locator('.nov')).toHaveCount(0);
  await options.getByRole('radio', { name: 'Dark' }).check();
  await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('[data-paperlens="badge"]').first()).toHaveAttribute('data-theme', 'dark');
  await options.getByRole('textbox', { name: 'Site' }).fill('http://127.0.0.1:1234/whatever');
  await options.getByRole('button', { name: 'Add' }).click();
  await expect(options.getByRole('list', { name: 'Sites without badges' })).toContainText('127.0.0.1');
  await expect(page.locator('[data-paperlens="badge"]')).toHaveCount(0);
  await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await expect(page.locator('[data-paperlens="badge"]').first()).toBeVisible();
});

test('the save shortcut (Alt+Shift+S) is registered and saves the arXiv paper of the tab it is pressed in', async ({
  context,
}) => {
  await closeTheInternet(context);
  const worker = await backgroundWorker(context);
  const result = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const commands = await api.commands.getAll();
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    // Playwright cannot press a browser-level shortcut; dispatch what Chrome sends, with the
    // URL and title that activeTab exposes for the tab the shortcut was pressed in.
    const onCommand = api.commands.onCommand as unknown as { dispatch(...args: unknown[]): void };
    onCommand.dispatch('save-paper', {
      ...tab,
      url: 'https://arxiv.org/abs/2001.08361v1',
      title: '[2001.08361] Scaling Laws for Neural Language Models',
    });
    return commands.map((c) => ({ name: c.name, shortcut: c.shortcut }));
  });
  expect(result).toContainEqual({ name: 'save-paper', shortcut: 'Alt+Shift+S' });
  const page = await openExtensionPage(context, 'reading-list.html');
  await expect.poll(async () => (await readingList(page)).map((e) => e.id)).toEqual(['2001.08361']);
  expect((await readingList(page))[0]).toMatchObject({
    title: 'Scaling Laws for Neural Language Models',
    inCorpus: false,
    source: { url: 'https://arxiv.org/abs/2001.08361v1' },
  });
});

test("a badge card's Insights button opens the insights page at that paper", async ({ context, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('blog.html'));
  const badge = page.locator('[data-paperlens="badge"][data-paperlens-id="2402.07871"]').getByRole('button').first();
  await badge.focus();
  await page.keyboard.press('Enter');
  const [insights] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('dialog').getByRole('button', { name: 'Insights' }).click(),
  ]);
  await expect.poll(() => insights.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/insights\.html#paper=2402\.07871$/);
  await expect(insights.getByRole('dialog')).toContainText('Scaling Laws for Fine-Grained Mixture of Experts');
});
