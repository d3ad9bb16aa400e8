import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../helpers/tiny-pdf';
import { startExportArxiv } from './arxiv-proxy';
import { EXTENSION_PATH, launchFirefox, openExtensionPage } from './firefox';

const MOT = { id: '2310.15961', title: 'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation' };
const PDF_TITLE = 'Title From The PDF Metadata';

/** export.arxiv.org as the tests need it: every `/pdf/…` is a PDF served as `application/pdf`, anything else a 404. */
const startArxivPdfProxy = () =>
  startExportArxiv(({ pathname }) =>
    pathname.startsWith('/pdf/')
      ? { status: 200, type: 'application/pdf', body: tinyPdf('A paper', PDF_TITLE) }
      : { status: 404, type: 'text/plain', body: '' },
  );

type Api = typeof import('wxt/browser').browser;

/** The id of the tab showing `url`, asked from an extension page (Firefox's host permissions let it match by URL). */
const tabIdOf = (page: Page, url: string) =>
  page.evaluate(async (address) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    return (await api.tabs.query({ url: address }))[0]?.id ?? -1;
  }, url);

/** A tab's toolbar badge (text, colour, tooltip), asked from an extension page. */
const toolbarOf = (page: Page, tabId: number) =>
  page.evaluate(async (id) => {
    const { action } = (globalThis as unknown as { browser: Api }).browser;
    const [text, color, title] = await Promise.all([
      action.getBadgeText({ tabId: id }),
      action.getBadgeBackgroundColor({ tabId: id }),
      action.getTitle({ tabId: id }),
    ]);
    return { text, color: `rgb(${color.slice(0, 3).join(',')})`, title };
  }, tabId);

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent?.trim() ?? '').catch(() => null);

// Firefox's own PDF viewer (pdf.js) runs no extension scripts: the background knows the paper from the tab's address.
describe('arXiv PDF tabs in Firefox', () => {
  let proxy: Awaited<ReturnType<typeof startArxivPdfProxy>>;
  let browser: Browser;
  let options: Page;

  beforeAll(async () => {
    proxy = await startArxivPdfProxy();
    browser = await launchFirefox({ httpsProxyPort: proxy.port });
    await browser.installExtension(EXTENSION_PATH);
    options = await openExtensionPage(browser, 'options.html');
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
  });

  it('the toolbar says ☆ (library, blue) on a library paper’s PDF, and ☆ grey on another', async () => {
    const url = `https://export.arxiv.org/pdf/${MOT.id}v2`;
    const pdf = await browser.newPage();
    await pdf.goto(url);
    const tabId = await tabIdOf(options, url);
    expect(tabId).toBeGreaterThan(0);
    await expect
      .poll(() => toolbarOf(options, tabId), { timeout: 15_000 })
      .toEqual({
        text: '☆',
        color: 'rgb(11,107,203)',
        title: `Paperlens · arXiv:${MOT.id}: in your library, not saved (Alt+Shift+S saves it)`,
      });

    const other = 'https://export.arxiv.org/pdf/2001.08361v1.pdf';
    const outside = await browser.newPage();
    await outside.goto(other);
    const otherTab = await tabIdOf(options, other);
    await expect
      .poll(() => toolbarOf(options, otherTab), { timeout: 15_000 })
      .toMatchObject({ text: '☆', color: 'rgb(95,99,104)' });
    await outside.close();
  });

  it('the popup opens on This tab for the PDF; Save there makes the toolbar ★, status and note are stored', async () => {
    const url = `https://export.arxiv.org/pdf/${MOT.id}v2`;
    const tabId = await tabIdOf(options, url);
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    const section = `[data-paperlens-tab="${MOT.id}"]`;
    await expect.poll(() => text(popup, `${section} h2`), { timeout: 15_000 }).toBe(`This tab: ${MOT.title}`);
    await expect.poll(() => text(popup, `${section} .this-tab-meta`)).toBe(`arXiv:${MOT.id} · in your library`);

    await popup.click(`${section} .save-toggle`);
    await popup.waitForSelector(`${section} ::-p-aria([name="Saved ${MOT.title}"][role="button"])`);
    await expect.poll(async () => (await toolbarOf(options, tabId)).text, { timeout: 15_000 }).toBe('★');

    await popup.select(`${section} select`, 'read');
    await popup.type(`${section} textarea`, 'Read in Firefox.');
    await expect
      .poll(
        () =>
          popup.evaluate(async () => {
            const api = (globalThis as unknown as { browser: Api }).browser;
            const reply = (await api.runtime.sendMessage({
              id: 1,
              type: 'getReadingList',
              data: undefined,
              timestamp: Date.now(),
            })) as { res: { id: string; status: string; note: string }[] };
            return reply.res.map(({ id, status, note }) => ({ id, status, note }));
          }),
        { timeout: 15_000 },
      )
      .toEqual([{ id: MOT.id, status: 'read', note: 'Read in Firefox.' }]);
    await popup.close();
  });

  it('the PDF keeps the title pdf.js gives it: Firefox lets no extension into its PDF viewer', async () => {
    const pdf = (await browser.pages()).find((page) => page.url().includes(`/pdf/${MOT.id}v2`));
    // pdf.js names the tab after the PDF's metadata: proof the viewer, not a download, has the tab.
    await expect.poll(() => pdf?.title(), { timeout: 15_000 }).toBe(`${PDF_TITLE} - ${MOT.id}v2`);
  });
});
