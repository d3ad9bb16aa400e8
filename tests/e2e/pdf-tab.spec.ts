import type { BrowserContext, Page } from '@playwright/test';
import { tinyPdf } from '../helpers/tiny-pdf';
import { seriousViolations } from './axe';
import { backgroundWorker, expect, openExtensionPage, sendFromPage, test } from './extension';
import { closeTheInternet, serveAt } from './pages';

const MOT = { id: '2310.15961', title: 'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation' };
/** The title in the PDFs' metadata: what Chrome's viewer names the tab once the PDF has loaded. */
const VIEWER_TITLE = 'Title From The PDF Metadata';
const OURS = `${MOT.title} (arXiv ${MOT.id})`;

interface Entry {
  id: string;
  title: string;
  status: string;
  note: string;
  inCorpus: boolean;
}

/** Serves a PDF, as arXiv does (`application/pdf`), at a real arXiv address. */
async function servePdf(context: BrowserContext, url: string): Promise<void> {
  const body = tinyPdf('A paper', VIEWER_TITLE);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body }));
}

/** Opens `url` in a new tab, in front, and returns the page and its tab id. */
async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tabId = await (await backgroundWorker(context)).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

/** One tab's toolbar badge, read in the service worker: its text, colour and tooltip. */
function toolbarOf(context: BrowserContext, tabId: number) {
  return backgroundWorker(context).then((worker) =>
    worker.evaluate(async (id) => {
      const { action } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const [text, color, title] = await Promise.all([
        action.getBadgeText({ tabId: id }),
        action.getBadgeBackgroundColor({ tabId: id }),
        action.getTitle({ tabId: id }),
      ]);
      return { text, color: `rgb(${color.slice(0, 3).join(',')})`, title };
    }, tabId),
  );
}

const BLUE = 'rgb(11,107,203)';
const GREY = 'rgb(95,99,104)';

/** The tab's title as the browser shows it: the page target's title, which Chrome's PDF viewer writes to. */
async function tabTitle(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await cdp.send('Target.getTargetInfo')).targetInfo.title;
  } finally {
    await cdp.detach();
  }
}

/** Presses Alt+Shift+S in a tab: Playwright cannot, so the command is dispatched as Chrome sends it (activeTab). */
async function pressSaveShortcut(context: BrowserContext, tabId: number, url: string, title: string) {
  await (await backgroundWorker(context)).evaluate(
    async ([id, tabUrl, tabTitle]) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const tab = await api.tabs.get(id);
      const onCommand = api.commands.onCommand as unknown as { dispatch(...args: unknown[]): void };
      onCommand.dispatch('save-paper', { ...tab, url: tabUrl, title: tabTitle });
    },
    [tabId, url, title] as const,
  );
}

const entries = (page: Page) => sendFromPage<Entry[]>(page, 'getReadingList', undefined);

test.beforeEach(async ({ context }) => {
  await closeTheInternet(context);
});

test('the content script runs on an arXiv PDF and names its tab after the paper, again after the viewer renames it', async ({
  context,
}) => {
  const url = `https://arxiv.org/pdf/${MOT.id}v2`;
  await servePdf(context, url);
  const { page } = await openTab(context, url);
  // Chrome's viewer page: an application/pdf document our content script runs in.
  expect(await page.evaluate(() => document.contentType)).toBe('application/pdf');
  await expect.poll(() => tabTitle(page)).toBe(OURS);
  // The viewer writes the PDF's own title once it has loaded it (a second or two here): ours is put back.
  await page.waitForTimeout(4_000);
  expect(await tabTitle(page)).toBe(OURS);
  // The document's own <title> says the same, once.
  expect(await page.evaluate(() => [...document.querySelectorAll('title')].map((t) => t.textContent))).toEqual([OURS]);
});

test('an arXiv PDF of a library paper: ☆ on the toolbar, This tab in the popup saves it (★), its status and note', async ({
  context,
}) => {
  const url = `https://arxiv.org/pdf/${MOT.id}v2.pdf`;
  await servePdf(context, url);
  const { tabId } = await openTab(context, url);
  await expect
    .poll(() => toolbarOf(context, tabId))
    .toEqual({
      text: '☆',
      color: BLUE,
      title: `Paperlens · arXiv:${MOT.id}: in your library, not saved (Alt+Shift+S saves it)`,
    });

  const popup = await openExtensionPage(context, `popup.html?tab=${tabId}`);
  const section = popup.locator(`[data-paperlens-tab="${MOT.id}"]`);
  await expect(section.getByRole('heading')).toHaveText(`This tab: ${MOT.title}`);
  await expect(section).toContainText(`arXiv:${MOT.id} · in your library`);
  // The search still opens focused and full: the section comes on top of it.
  await expect(popup.getByRole('searchbox')).toBeFocused();
  await expect(popup.locator('.results [data-paperlens-id]').first()).toBeVisible();

  await section.getByRole('button', { name: `Save ${MOT.title}` }).click();
  await expect(section.getByRole('button', { name: `Saved ${MOT.title}` })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('★');
  expect((await toolbarOf(context, tabId)).title).toContain('in your library, saved to your reading list');

  await section.getByRole('combobox', { name: `Status of ${MOT.title}` }).selectOption('reading');
  await section.getByRole('textbox', { name: `Note for ${MOT.title}` }).fill('Compare with the PDF of MoE-Mamba.');
  await expect
    .poll(async () => (await entries(popup)).map(({ id, title, status, note }) => ({ id, title, status, note })))
    .toEqual([{ id: MOT.id, title: MOT.title, status: 'reading', note: 'Compare with the PDF of MoE-Mamba.' }]);
  expect(await seriousViolations(popup), 'the popup with This tab').toEqual([]);

  // Opened again, the section shows what is stored; unsaving there takes the ★ away.
  await popup.close();
  const again = await openExtensionPage(context, `popup.html?tab=${tabId}`);
  const stored = again.locator(`[data-paperlens-tab="${MOT.id}"]`);
  await expect(stored.getByRole('combobox', { name: `Status of ${MOT.title}` })).toHaveValue('reading');
  await expect(stored.getByRole('textbox', { name: `Note for ${MOT.title}` })).toHaveValue(
    'Compare with the PDF of MoE-Mamba.',
  );
  await stored.getByRole('button', { name: `Saved ${MOT.title}` }).click();
  await expect(stored.getByRole('button', { name: `Save ${MOT.title}` })).toBeVisible();
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('☆');
});

test('the save shortcut on a PDF outside the library (an export.arxiv.org mirror): ☆ grey, then ✓ and ★, no file name for a title', async ({
  context,
}) => {
  const url = 'https://export.arxiv.org/pdf/2001.08361v1.pdf';
  await servePdf(context, url);
  const { page, tabId } = await openTab(context, url);
  await expect
    .poll(() => toolbarOf(context, tabId))
    .toEqual({
      text: '☆',
      color: GREY,
      title: 'Paperlens · arXiv:2001.08361: not in your library, not saved (Alt+Shift+S saves it)',
    });

  await pressSaveShortcut(context, tabId, url, '2001.08361v1.pdf');
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('✓');
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('★');
  const popup = await openExtensionPage(context, `popup.html?tab=${tabId}`);
  expect(await entries(popup)).toMatchObject([
    { id: '2001.08361', title: 'arXiv:2001.08361', inCorpus: false, source: { url } },
  ]);
  const section = popup.locator('[data-paperlens-tab="2001.08361"]');
  await expect(section.getByRole('heading')).toHaveText('This tab: arXiv:2001.08361');
  await expect(section).toContainText('not in your library');
  await expect(section.getByRole('button', { name: /^Saved/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(section.getByRole('combobox', { name: /^Status of/ })).toHaveValue('to-read');
  // The library does not know its title: the tab keeps the viewer's.
  await expect.poll(() => tabTitle(page)).toBe(VIEWER_TITLE);
});

test('the save shortcut saves a library PDF; This tab also shows on an abstract page, and on no other page', async ({
  context,
  server,
}) => {
  const url = `https://www.arxiv.org/pdf/${MOT.id}`;
  await servePdf(context, url);
  const { tabId } = await openTab(context, url);
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('☆');
  await pressSaveShortcut(context, tabId, url, VIEWER_TITLE);
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('★');

  await serveAt(context, 'https://arxiv.org/abs/2402.07871v2', 'arxiv-abs.html');
  const abstract = await openTab(context, 'https://arxiv.org/abs/2402.07871v2');
  await expect.poll(async () => (await toolbarOf(context, abstract.tabId)).text).toBe('☆');
  const popup = await openExtensionPage(context, `popup.html?tab=${abstract.tabId}`);
  await expect(popup.locator('[data-paperlens-tab="2402.07871"] h2')).toHaveText(
    'This tab: Scaling Laws for Fine-Grained Mixture of Experts',
  );
  expect((await entries(popup)).map((e) => [e.id, e.title])).toEqual([[MOT.id, MOT.title]]);

  const blog = await openTab(context, server.url('blog.html'));
  const onBlog = await openExtensionPage(context, `popup.html?tab=${blog.tabId}`);
  await expect(onBlog.locator('.site-switch')).toContainText('127.0.0.1');
  await expect(onBlog.locator('[data-paperlens-tab]')).toHaveCount(0);
});

test('with the option off, a PDF tab keeps the viewer’s title', async ({ context }) => {
  const options = await openExtensionPage(context, 'options.html');
  const option = options.getByRole('checkbox', { name: /Name the tab of a library paper's PDF/ });
  await expect(option).toBeChecked();
  await option.uncheck();
  await expect(option).not.toBeChecked();
  const url = `https://arxiv.org/pdf/${MOT.id}v1`;
  await servePdf(context, url);
  const { page, tabId } = await openTab(context, url);
  await expect.poll(async () => (await toolbarOf(context, tabId)).text).toBe('☆');
  await expect.poll(() => tabTitle(page)).toBe(VIEWER_TITLE);
  await page.waitForTimeout(1_000);
  expect(await tabTitle(page)).toBe(VIEWER_TITLE);
});
