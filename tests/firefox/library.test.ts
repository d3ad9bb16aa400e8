import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArxivProxy, startArxivProxy } from './arxiv-proxy';
import { EXTENSION_PATH, launchFirefox, openExtensionPage, reload } from './firefox';

const row = (name: string) => `[data-paperlens-author="${name}"]`;
const rowText = (page: Page, name: string) => page.$eval(row(name), (li) => li.textContent ?? '').catch(() => '');

describe('the library in Firefox: following an author on arXiv', () => {
  let proxy: ArxivProxy;
  let browser: Browser;

  beforeAll(async () => {
    proxy = await startArxivProxy({
      'au:Pioro_M': { 0: [503, 'pioro-page1.xml'] },
      'au:Nobody_Q': { 0: 'empty.xml' },
      'au:Ludziejewski_J': { 0: 'truncated.xml' },
    });
    browser = await launchFirefox({ httpsProxyPort: proxy.port });
    await browser.installExtension(EXTENSION_PATH);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
  });

  it('fetches through a 503 from the recorded answers, reaching only the arXiv API, and keeps it after a reload', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.waitForSelector(row('Jan Ludziejewski'));
    await page.type('input[placeholder^="Maciej"]', 'Maciej Pióro');
    await page.click('::-p-aria([name="Follow on arXiv"][role="button"])');
    await expect
      .poll(() => rowText(page, 'Maciej Pióro'), { timeout: 40_000, interval: 500 })
      .toContain('Fetched from arXiv: 4 papers, 2 new.');
    expect(await rowText(page, 'Maciej Pióro')).toContain('9 papers in the library');
    expect(proxy.requests.map((url) => new URL(url).searchParams.get('search_query'))).toEqual([
      'au:Pioro_M',
      'au:Pioro_M',
    ]);
    // Anything else that went through the proxy is Firefox's own remote settings, never the extension's.
    expect(proxy.refused.filter((host) => host !== 'firefox.settings.services.mozilla.com:443')).toEqual([]);
    await reload(page);
    await page.waitForSelector(row('Maciej Pióro'));
    expect(await rowText(page, 'Maciej Pióro')).toContain('9 papers in the library');
    await page.close();
  });

  it('a cut-off answer fails plainly and changes nothing; an empty result follows an author with no papers', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.waitForSelector(row('Jan Ludziejewski'));
    await page.type('input[placeholder^="Maciej"]', 'au:Ludziejewski_J');
    await page.click('::-p-aria([name="Follow on arXiv"][role="button"])');
    await expect
      .poll(() => page.evaluate(() => document.body.textContent ?? ''), { timeout: 20_000, interval: 500 })
      .toMatch(/from arXiv failed: .*cut off/);
    expect(await rowText(page, 'Jan Ludziejewski')).toContain('13 papers in the library');

    await page.$eval('input[placeholder^="Maciej"]', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type('input[placeholder^="Maciej"]', 'au:Nobody_Q');
    await page.click('::-p-aria([name="Follow on arXiv"][role="button"])');
    await expect
      .poll(() => rowText(page, 'Q Nobody'), { timeout: 20_000, interval: 500 })
      .toContain('0 papers in the library');
    await page.close();
  });
});
