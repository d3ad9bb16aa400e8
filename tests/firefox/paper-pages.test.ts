import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chippedEntries, longListing } from '../e2e/long-listing';
import { expectedClosest, OUTSIDE, OUTSIDE_ABSTRACT_PAGE } from '../e2e/related-page';
import { type ArxivProxy, startExportArxiv } from './arxiv-proxy';
import { EXTENSION_PATH, launchFirefox } from './firefox';

const HTML_PAPER = readFileSync('tests/fixtures/paper-pages/arxiv-html.html', 'utf8');

/** What the shadow roots of the page's panels say: host attributes and text. */
const panels = (page: Page) =>
  page.$$eval('[data-paperlens="panel"]', (hosts) =>
    hosts.map((host) => ({
      id: host.getAttribute('data-paperlens-id'),
      related: host.getAttribute('data-paperlens-related'),
      after: host.previousElementSibling?.className ?? '',
      text: host.shadowRoot?.textContent ?? '',
    })),
  );

// The paper-page script in Firefox, on pages of export.arxiv.org served by a local proxy.
describe('pages that are a paper, in Firefox', () => {
  let proxy: ArxivProxy;
  let browser: Browser;

  beforeAll(async () => {
    proxy = await startExportArxiv(({ pathname }) => {
      const html = (body: string) => ({ status: 200, type: 'text/html; charset=utf-8', body });
      if (pathname === `/abs/${OUTSIDE.id}`) return html(OUTSIDE_ABSTRACT_PAGE);
      if (pathname.startsWith('/html/2402.07871')) return html(HTML_PAPER);
      if (pathname === '/list/cs.LG/pastweek') return html(longListing(150));
      return { status: 404, type: 'text/plain', body: '' };
    });
    browser = await launchFirefox({ httpsProxyPort: proxy.port });
    await browser.installExtension(EXTENSION_PATH);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
  });

  it('an abstract page of a paper outside the library shows how it relates, with the library’s own figures', async () => {
    const closest = expectedClosest();
    const page = await browser.newPage();
    await page.goto(`https://export.arxiv.org/abs/${OUTSIDE.id}`);
    await expect.poll(() => panels(page), { timeout: 15_000 }).toHaveLength(1);
    const [panel] = await panels(page);
    expect(panel?.related).toBe(closest.map((c) => c.id).join(','));
    expect(panel?.after).toContain('title');
    expect(panel?.text).toContain('Jan Ludziejewski');
    await page.close();
  });

  it('a long arXiv listing gets coauthor chips as its entries come near the view', async () => {
    const page = await browser.newPage();
    await page.goto('https://export.arxiv.org/list/cs.LG/pastweek?show=1000');
    await expect.poll(async () => (await page.evaluate(chippedEntries)).includes(1), { timeout: 15_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const atLoad = await page.evaluate(chippedEntries);
    expect(atLoad.length).toBeLessThan(60);
    expect(atLoad).not.toContain(150);
    await page.keyboard.press('End');
    await expect.poll(async () => (await page.evaluate(chippedEntries)).includes(150), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('an arXiv HTML paper gets its panel under its title and badges on its bibliography', async () => {
    const page = await browser.newPage();
    await page.goto('https://export.arxiv.org/html/2402.07871v2');
    await expect
      .poll(async () => (await panels(page)).map(({ id, after }) => ({ id, after })), { timeout: 15_000 })
      .toEqual([{ id: '2402.07871', after: 'ltx_title ltx_title_document' }]);
    await expect
      .poll(() =>
        page.$$eval('.ltx_biblist [data-paperlens="badge"]', (hosts) =>
          hosts.map((host) => host.getAttribute('data-paperlens-id')),
        ),
      )
      .toEqual(['2310.15961', '2401.04081']);
    await page.close();
  });
});
