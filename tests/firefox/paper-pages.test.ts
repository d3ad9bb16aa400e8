import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../lib/insights/similarity-index';
import { paperText } from '../../lib/library/derive-texts';
import { closestTo } from '../../lib/library/relate';
import { type ArxivProxy, startExportArxiv } from './arxiv-proxy';
import { EXTENSION_PATH, launchFirefox } from './firefox';

interface CorpusPaper {
  id: string;
  title: string;
  abstract: string;
  date: string;
}
const CORPUS = (JSON.parse(readFileSync('data/corpus.json', 'utf8')) as { papers: CorpusPaper[] }).papers;
const TITLE = 'Sparse Mixture of Experts Language Models: Scaling Laws for Granularity and Routing';
const ABSTRACT =
  'We study scaling laws for sparse mixture of experts language models, varying the granularity of experts, ' +
  'the routing and the number of training tokens, and compare them with dense transformers at equal compute.';
const ABSTRACT_PAGE = `<!doctype html><meta charset="utf-8"><title>[2512.00001] ${TITLE}</title>
  <div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>${TITLE}</h1>
  <div class="authors"><span class="descriptor">Authors:</span><a href="/a/l">Ada Lovelace</a>, <a href="/a/j">Jan Ludziejewski</a></div>
  <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${ABSTRACT}</blockquote></div>`;
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
      if (pathname === '/abs/2512.00001') return html(ABSTRACT_PAGE);
      if (pathname.startsWith('/html/2402.07871')) return html(HTML_PAPER);
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
    const index = buildIndex(CORPUS.map((p) => ({ id: p.id, date: p.date, text: paperText(p.title, p.abstract) })));
    const closest = closestTo(index, TITLE, ABSTRACT).slice(0, 3);
    const page = await browser.newPage();
    await page.goto('https://export.arxiv.org/abs/2512.00001');
    await expect.poll(() => panels(page), { timeout: 15_000 }).toHaveLength(1);
    const [panel] = await panels(page);
    expect(panel?.related).toBe(closest.map((c) => c.id).join(','));
    expect(panel?.after).toContain('title');
    expect(panel?.text).toContain('Jan Ludziejewski');
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
