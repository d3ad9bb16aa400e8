import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { collectLinkReport, type LinkReport } from '../e2e/pages';

export const EXTENSION_PATH = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id from `wxt.config.ts`. */
export const EXTENSION_ID = 'paperlens@paperlens.dev';
/** Forced through `extensions.webextensions.uuids` so every `moz-extension://` URL is known before install. */
export const EXTENSION_UUID = '5b0f7c2e-3a4d-4e8b-9c1f-0a2b3c4d5e6f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * Launches Firefox headless with a fresh temporary profile (Puppeteer creates it and deletes it on close).
 *
 * `--remote-allow-system-access` is what lets WebDriver BiDi navigate a tab to a `moz-extension://` URL
 * (without it: "Navigation to moz-extension://… is not allowed in this context") and evaluate script in
 * the browser window itself, where the native context menu lives.
 */
export function launchFirefox(options: { httpsProxyPort?: number } = {}): Promise<Browser> {
  const proxy = options.httpsProxyPort
    ? {
        // HTTPS only through the test's proxy (tests/firefox/arxiv-proxy.ts); 127.0.0.1 never is.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': options.httpsProxyPort,
      }
    : {};
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    // The proxy ends TLS with a throwaway certificate for export.arxiv.org.
    acceptInsecureCerts: Boolean(options.httpsProxyPort),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      ...proxy,
    },
  });
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Puppeteer's WebDriver BiDi connection: public on its Firefox browser class, not in its typings. */
function bidi(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi browsing-context id of a tab (Puppeteer's frame id). */
function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * Navigates a tab and waits for its load event. Needed for `moz-extension://` pages: Firefox loads them
 * (the raw BiDi command answers at once) but Puppeteer's `page.goto` never settles and `page.url()` stays
 * `about:blank`, so `goto` and `reload` time out.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await bidi(page.browser()).send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
}

export async function reload(page: Page): Promise<void> {
  await bidi(page.browser()).send('browsingContext.reload', { context: contextId(page), wait: 'complete' });
}

/** Opens one of the extension's own pages (`popup.html`, …) in a new tab. */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await navigate(page, `${EXTENSION_ORIGIN}/${path}`);
  return page;
}

/** Whether WebDriver BiDi reaches Firefox's own windows (`moz:scope: chrome`): ESR 140 lists only content. */
export async function hasChromeScope(browser: Browser): Promise<boolean> {
  const tree = (await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: { url: string }[] };
  };
  return tree.result.contexts.some((c) => c.url === 'chrome://browser/content/browser.xhtml');
}

/**
 * Evaluates an expression in the browser window (`chrome://browser/content/browser.xhtml`), where
 * Firefox's own UI such as the page context menu lives. Returns the BiDi remote value.
 */
export async function evaluateInBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const tree = (await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: { context: string; url: string }[] };
  };
  const window = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No browser window among the chrome contexts');
  const answer = (await bidi(browser).send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
  })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } } };
  if (answer.result.type === 'exception') throw new Error(answer.result.exceptionDetails?.text);
  return answer.result.result?.value;
}

/** The links of a page and their badges (see tests/e2e/pages.ts). */
export function linkReport(page: Page): Promise<LinkReport[]> {
  return page.evaluate(collectLinkReport);
}
