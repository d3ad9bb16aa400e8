import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBadgesFitTheirLines, measureHostLines } from '../e2e/pages';
import { type FixtureServer, startFixtureServer } from '../e2e/server';
import { badgesByCase, TEXT_CASES_EXPECTED, TEXT_CASES_TEXTS } from '../e2e/text-cases-page';
import {
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  EXTENSION_PATH,
  evaluateInBrowserWindow,
  FIREFOX,
  hasChromeScope,
  launchFirefox,
  linkReport,
  openExtensionPage,
  reload,
} from './firefox';

/** The label Firefox shows for our item in the page context menu (`browser.menus`). */
const MENU_LABEL = 'Save to Paperlens reading list';

/** Whether the page context menu is open, and the labels of our visible items in it. */
const contextMenu = (browser: Browser) =>
  evaluateInBrowserWindow(
    browser,
    `(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      const ours = [...menu.querySelectorAll('menuitem')].filter((item) => !item.hidden && item.label === ${JSON.stringify(MENU_LABEL)});
      return JSON.stringify({ state: menu.state, items: ours.map((item) => item.label) });
    })()`,
  ).then((json) => JSON.parse(json as string) as { state: string; items: string[] });

/** The ids of the popup's result rows, in the order shown. */
const resultIds = (popup: Page) =>
  popup.$$eval('.results [data-paperlens-id]', (rows) => rows.map((row) => row.getAttribute('data-paperlens-id')));

// One browser for the whole file, as one user's session: each step builds on the one before it.
describe('Paperlens in Firefox', () => {
  let server: FixtureServer;
  let browser: Browser;
  let blog: Page;

  beforeAll(async () => {
    // Fail with the reason instead of a launch timeout when the prerequisites are missing.
    expect(existsSync(FIREFOX), `Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`).toBe(true);
    expect(existsSync(resolve(EXTENSION_PATH, 'manifest.json')), 'run `npx wxt build -b firefox` first').toBe(true);
    server = await startFixtureServer();
    browser = await launchFirefox();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs as a temporary add-on under the forced moz-extension UUID, its page origins granted at install', async () => {
    expect(await browser.installExtension(EXTENSION_PATH)).toBe(EXTENSION_ID);
    const options = await openExtensionPage(browser, 'options.html');
    const extension = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
      return { url: api.runtime.getURL('/'), permissions: await api.permissions.getAll() };
    });
    expect(extension.url).toBe(`${EXTENSION_ORIGIN}/`);
    // MV3 host access is opt-in in Firefox; the content script's matches are granted at install only
    // because extensions.originControls.grantByDefault is true (Firefox's default, shown in the install prompt).
    expect(extension.permissions.origins).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    // Why they are granted, where Firefox lets a test read its preferences (ESR 140's BiDi has no chrome scope).
    if (await hasChromeScope(browser)) {
      expect(
        await evaluateInBrowserWindow(
          browser,
          `Services.prefs.getBoolPref('extensions.originControls.grantByDefault')`,
        ),
      ).toBe(true);
    }
    await options.close();
  });

  it('badges exactly the links marked data-expect on a blog page, and no other link', async () => {
    blog = await browser.newPage();
    await blog.goto(server.url('blog.html'));
    await expect
      .poll(async () => (await linkReport(blog)).filter((r) => r.expected !== r.badge), { timeout: 15_000 })
      .toEqual([]);
    const report = await linkReport(blog);
    const marked = new Set(report.map((r) => r.expected).filter(Boolean));
    expect(new Set(report.map((r) => r.badge).filter(Boolean))).toEqual(marked);
    expect(marked.size).toBeGreaterThan(5);
    expect(await blog.$$eval('[data-paperlens="badge"]', (badges) => badges.length)).toBe(
      report.filter((r) => r.expected).length,
    );
  });

  it('badges plain-text arXiv ids of library papers after their text, never changing it (the shared text table)', async () => {
    const references = await browser.newPage();
    await references.goto(server.url('text-cases.html'));
    await expect.poll(() => references.evaluate(badgesByCase), { timeout: 15_000 }).toEqual(TEXT_CASES_EXPECTED);
    const texts = await references.$$eval('[data-case]', (items) => items.map((item) => item.textContent));
    expect(texts.slice(0, TEXT_CASES_TEXTS.length)).toEqual(TEXT_CASES_TEXTS);
    await references.close();
  });

  it('badges do not change the height of the lines they sit in', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('lines.html'));
    await expect
      .poll(async () => (await linkReport(page)).filter((r) => r.expected !== r.badge), { timeout: 15_000 })
      .toEqual([]);
    const measured = await page.evaluate(measureHostLines);
    expect(measured.lines).toHaveLength(19);
    expectBadgesFitTheirLines(measured, expect);
    await page.close();
  });

  it('on a hostile page, the badge boxes hold against `* { … !important }` rules (the shadow sheet wins in Gecko too)', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('hostile.html'));
    await page.waitForSelector('#xss + [data-paperlens="badge"]', { timeout: 15_000 });
    const box = await page.$eval('#xss + [data-paperlens="badge"]', (el) => {
      const style = getComputedStyle(el);
      const button = el.shadowRoot?.querySelector('button');
      const rect = button?.getBoundingClientRect();
      return {
        id: el.getAttribute('data-paperlens-id'),
        box: [style.display, style.verticalAlign, style.position, style.visibility, style.marginLeft],
        before: getComputedStyle(el, '::before').content,
        button: rect ? rect.width > 20 && rect.height > 8 : false,
      };
    });
    // 0.4em of the badge's own 16 px (0.72 × the page's forced 22 px).
    expect(box).toEqual({
      id: '2402.07871',
      box: ['inline-flex', 'middle', 'static', 'visible', '6.336px'],
      before: 'none',
      button: true,
    });
    await page.close();
  });

  it('a page can neither switch Paperlens off (replaying its start event) nor act through its UI', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('blog.html'));
    await page.waitForSelector('[data-paperlens="badge"]', { timeout: 15_000 });
    const badges = await page.$$eval('[data-paperlens="badge"]', (hosts) => hosts.length);
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      // Then presses every Paperlens button on the page, as a script would.
      for (const host of document.querySelectorAll('[data-paperlens="badge"]')) {
        host.shadowRoot?.querySelector('button')?.click();
      }
      const late = Object.assign(document.createElement('a'), { href: 'https://arxiv.org/abs/2506.10910', id: 'late' });
      late.textContent = 'added later';
      document.body.append(late);
    }, EXTENSION_ID);
    await page.waitForSelector('#late + [data-paperlens="badge"]', { timeout: 15_000 });
    expect(await page.$$eval('[data-paperlens="badge"]', (hosts) => hosts.length)).toBe(badges + 1);
    // No card opened for the script's clicks, so nothing could be saved through one.
    expect(await page.$('[data-paperlens="card"]')).toBeNull();
    await page.close();
  });

  it('frames made from srcdoc, about:blank and data: get badges', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('frames.html'));
    const badgesInFrames = () =>
      Promise.all(
        page
          .frames()
          .filter((frame) => frame !== page.mainFrame())
          .map((frame) =>
            frame
              .$$eval('[data-paperlens="badge"]', (hosts) =>
                hosts.map((host) => host.getAttribute('data-paperlens-id')),
              )
              .catch(() => []),
          ),
      ).then((lists) => lists.flat().sort());
    // Firefox ESR 140 runs no extension script in a frame's initial about:blank document, which the page filled
    // itself (2401.04081); ESR 153 does. srcdoc and data: frames get their badges in both.
    const major = Number((await browser.version()).match(/\/(\d+)/)?.[1]);
    const expected = major >= 153 ? ['2310.15961', '2401.04081', '2402.07871'] : ['2310.15961', '2402.07871'];
    await expect.poll(badgesInFrames, { timeout: 15_000 }).toEqual(expected);
    await page.close();
  });

  it('the popup opens on a focused search box with all 13 papers; a query ranks μP first; Save toggles', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await popup.waitForSelector(`::-p-aria([name="Search the author's papers"][role="searchbox"])`);
    await expect.poll(() => resultIds(popup)).toHaveLength(13);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('paperlens-search');

    await popup.keyboard.type('mu parametrization');
    await expect.poll(async () => (await resultIds(popup))[0]).toBe('2508.09752');

    const row = '.results [data-paperlens-id="2508.09752"]';
    const title = await popup.$eval(`${row} .result-title`, (a) => (a.textContent ?? '').trim());
    const save = await popup.waitForSelector(`${row} ::-p-aria([name="Save ${title}"][role="button"])`);
    expect(await save?.evaluate((button) => button.getAttribute('aria-pressed'))).toBe('false');
    await save?.click();
    await popup.waitForSelector(`${row} ::-p-aria([name="Saved ${title}"][role="button"])`);
    expect(await popup.$eval(`${row} .save-toggle`, (button) => button.getAttribute('aria-pressed'))).toBe('true');
    await popup.close();
  });

  it('the reading list shows the saved paper; its status survives a reload (IndexedDB via the background)', async () => {
    const page = await openExtensionPage(browser, 'reading-list.html');
    const status = '.entries [data-paperlens-id="2508.09752"] select';
    await page.waitForSelector(status);
    expect(await page.$$eval('.entries [data-paperlens-id]', (rows) => rows.length)).toBe(1);
    expect(await page.$eval(status, (select) => (select as HTMLSelectElement).value)).toBe('to-read');
    await page.select(status, 'read');
    await expect
      .poll(() => page.$eval('.counts', (el) => el.textContent))
      .toContain('1 saved · 0 to read · 0 reading · 1 read');

    await reload(page);
    await page.waitForSelector(status);
    expect(await page.$eval(status, (select) => (select as HTMLSelectElement).value)).toBe('read');
    await page.close();
  });

  it('unchecking "Show badges beside paper links" in the options removes the badges from the open blog tab', async () => {
    expect(await blog.$$eval('[data-paperlens="badge"]', (badges) => badges.length)).toBeGreaterThan(0);
    const options = await openExtensionPage(browser, 'options.html');
    const checkbox = await options.waitForSelector(
      '::-p-aria([name="Show badges beside paper links"][role="checkbox"])',
    );
    expect(await checkbox?.evaluate((box) => (box as HTMLInputElement).checked)).toBe(true);
    await checkbox?.click();
    expect(await checkbox?.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
    await expect.poll(() => blog.$$eval('[data-paperlens="badge"]', (badges) => badges.length)).toBe(0);

    await checkbox?.click();
    await expect
      .poll(async () => (await linkReport(blog)).filter((r) => r.expected !== r.badge), { timeout: 15_000 })
      .toEqual([]);
    await options.close();
  });

  it('right-clicking a paper link opens the native context menu with our item; choosing it saves the link', async (context) => {
    // The native menu lives in Firefox's own window, which ESR 140's WebDriver BiDi cannot reach (no chrome
    // scope, and Marionette refuses a second session): there the item is covered by tests/lib/context-menu.test.ts.
    if (!(await hasChromeScope(browser))) return context.skip();
    await blog.bringToFront();
    await blog.click('a[href="https://example.com/abs/2402.07871"]', { button: 'right' });
    await expect.poll(() => contextMenu(browser)).toMatchObject({ state: 'open' });
    expect((await contextMenu(browser)).items, 'not on a non-paper link (targetUrlPatterns)').toEqual([]);
    await evaluateInBrowserWindow(browser, `document.getElementById('contentAreaContextMenu').hidePopup()`);
    await expect.poll(() => contextMenu(browser)).toMatchObject({ state: 'closed' });

    await blog.click('a[href="https://arxiv.org/abs/1706.03762"]', { button: 'right' });
    await expect.poll(() => contextMenu(browser)).toEqual({ state: 'open', items: [MENU_LABEL] });
    // Firefox's own activation path for a menu item: what a click on it does (fires browser.menus.onClicked).
    await evaluateInBrowserWindow(
      browser,
      `(() => {
        const menu = document.getElementById('contentAreaContextMenu');
        const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.label === ${JSON.stringify(MENU_LABEL)});
        menu.activateItem(item);
      })()`,
    );
    await expect.poll(() => contextMenu(browser)).toMatchObject({ state: 'closed' });

    const page = await openExtensionPage(browser, 'reading-list.html');
    const row = '.entries [data-paperlens-id="1706.03762"]';
    await page.waitForSelector(row);
    // Firefox passes the link's text with the click (Chrome does not), so it becomes the saved title.
    expect(await page.$eval(`${row} .entry-title`, (a) => a.textContent)).toBe('Attention Is All You Need');
    expect(await page.$eval(row, (li) => li.textContent)).toContain('from 127.0.0.1');
    await page.close();
  });

  it('the library page imports an arXiv Atom file after its preview; unfollowing keeps the reading list; all survives a reload', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    const jan = '[data-paperlens-author="Jan Ludziejewski"]';
    await page.waitForSelector(jan);
    const input = await page.waitForSelector('input[type=file]');
    await input?.uploadFile(resolve('tests/fixtures/arxiv-api/pioro-page1.xml'));
    await page.waitForSelector('[aria-label="Import preview"]');
    const importButton = await page.waitForSelector('::-p-aria([name="Import"][role="button"])');
    await expect.poll(() => importButton?.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await importButton?.click();
    await expect.poll(() => page.$('[aria-label="Import preview"]')).toBeNull();
    // The file's two papers new to the library are in it, badged as nobody's but Jan's where he is on them.
    const keys = () =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
        const answer = (await api.runtime.sendMessage({
          id: 1,
          type: 'lookupPapers',
          data: { ids: ['2405.17234', '2405.04312', '2402.07871'], dois: [], titles: [] },
          timestamp: 0,
        })) as {
          res: { papers: { id: string }[] };
        };
        return answer.res.papers.map((paper) => paper.id);
      });
    expect(await keys()).toEqual(expect.arrayContaining(['2405.17234', '2405.04312']));

    await reload(page);
    await page.waitForSelector(jan);
    expect(await keys()).toEqual(expect.arrayContaining(['2405.17234', '2405.04312']));
    const list = await openExtensionPage(browser, 'reading-list.html');
    await list.waitForSelector('.entries [data-paperlens-id="2508.09752"]');
    const saved = await list.$$eval('.entries [data-paperlens-id]', (rows) => rows.length);
    await page.click(`${jan} ::-p-aria([name="Unfollow"][role="button"])`);
    await page.click('::-p-aria([name="Yes, unfollow"][role="button"])');
    await expect.poll(() => page.$(jan)).toBeNull();
    await reload(list);
    await list.waitForSelector('.entries [data-paperlens-id="2508.09752"]');
    expect(await list.$$eval('.entries [data-paperlens-id]', (rows) => rows.length)).toBe(saved);
    await list.close();
    await page.close();
  });
});
