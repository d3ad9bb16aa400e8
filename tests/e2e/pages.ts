import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { backgroundWorker } from '../helpers/chromium';

/** Serves a fixture file at a real URL (e.g. an arXiv page) through Playwright's request routing. */
export async function serveAt(context: BrowserContext, url: string, fixtureOrHtml: string): Promise<void> {
  const body = fixtureOrHtml.trimStart().startsWith('<')
    ? fixtureOrHtml
    : readFileSync(resolve('tests/fixtures/pages', fixtureOrHtml), 'utf8');
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** Everything else on the open web answers 404 here: no test ever reaches the network. */
export async function closeTheInternet(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 404, body: '' }));
}

export interface LinkReport {
  link: string;
  expected: string | null;
  badge: string | null;
}

/**
 * Runs in the page (Playwright's or Puppeteer's `page.evaluate`): for every link,
 * the badge id it is marked to get (`data-expect`) and the id of the badge
 * actually right after it (its next sibling); and for every element marked
 * `data-expect-mention` (it holds a plain-text id), the id of the badge it ends with.
 */
export function collectLinkReport(): LinkReport[] {
  const links = [...document.querySelectorAll('a')].map((a) => {
    const next = a.nextSibling;
    const badge =
      next instanceof Element && next.getAttribute('data-paperlens') === 'badge'
        ? next.getAttribute('data-paperlens-id')
        : null;
    return {
      link: `${a.getAttribute('href')} “${(a.textContent ?? '').trim().slice(0, 40)}”`,
      expected: a.getAttribute('data-expect'),
      badge,
    };
  });
  const mentions = [...document.querySelectorAll('[data-expect-mention]')].map((element) => {
    const last = element.lastChild;
    return {
      link: `text “${(element.textContent ?? '').trim().slice(0, 40)}”`,
      expected: element.getAttribute('data-expect-mention'),
      badge:
        last instanceof Element && last.getAttribute('data-paperlens') === 'badge'
          ? last.getAttribute('data-paperlens-id')
          : null,
    };
  });
  return [...links, ...mentions];
}

export interface HostLines {
  lines: {
    host: string;
    withHost: number;
    without: number;
    visible: boolean;
    /** A badge's space from its link, on the side the text runs to (px, rounded). */
    gap: number | null;
    /** How far a badge's vertical centre is from its link's (px, rounded). */
    offCentre: number | null;
  }[];
  /** The document's height as it is, and with every Paperlens host hidden. */
  page: number;
  bare: number;
}

/**
 * Runs in the page: the height of each badge's and chip's block, measured with
 * the host and (synchronously, before the scanner can react) without it, a
 * badge's gap from its link (in the text's direction) and how far it sits off
 * the link's vertical centre, and the document's height with and without all
 * of them.
 */
export function measureHostLines(): HostLines {
  const hosts = [...document.querySelectorAll<HTMLElement>('[data-paperlens="badge"], [data-paperlens="coauthor"]')];
  const page = document.documentElement.scrollHeight;
  const lines = hosts.map((host) => {
    const block = host.parentElement as HTMLElement;
    const next = host.nextSibling;
    const withHost = block.getBoundingClientRect().height;
    host.remove();
    const without = block.getBoundingClientRect().height;
    block.insertBefore(host, next);
    const box = host.getBoundingClientRect();
    const link =
      host.getAttribute('data-paperlens') === 'badge' ? host.previousElementSibling?.getBoundingClientRect() : null;
    const rtl = getComputedStyle(block).direction === 'rtl';
    const gap = link ? (rtl ? link.left - box.right : box.left - link.right) : null;
    const offCentre = link ? Math.abs(box.top + box.height / 2 - (link.top + link.height / 2)) : null;
    return {
      host: host.getAttribute('data-paperlens') ?? '',
      withHost,
      without,
      visible: box.height > 0,
      gap: gap === null ? null : Math.round(gap),
      offCentre: offCentre === null ? null : Math.round(offCentre),
    };
  });
  const display = hosts.map((host) => host.style.getPropertyValue('display'));
  for (const host of hosts) host.style.setProperty('display', 'none', 'important');
  const bare = document.documentElement.scrollHeight;
  for (const [i, host] of hosts.entries()) host.style.setProperty('display', display[i] as string, 'important');
  return { lines, page, bare };
}

/** The matchers the line checks use: Playwright's and Vitest's `expect` both have them. */
type LineExpect = (actual: unknown) => { toEqual(expected: unknown): void; toBe(expected: unknown): void };

/**
 * What measureHostLines must find on a page of badges, in Chromium and in Firefox alike: no badge changes
 * the height of its line or is hidden, and the page is as tall as without them.
 */
export function expectBadgesFitTheirLines(measured: HostLines, expect: LineExpect): void {
  for (const line of measured.lines) expect(line).toEqual({ ...line, withHost: line.without, visible: true });
  // Every badge stands 0.4em of its own font (4–6 px on lines.html) after its link, right-to-left lines included.
  expect(measured.lines.filter((line) => line.gap === null || line.gap < 3 || line.gap > 7)).toEqual([]);
  // … and sits on the link's line, centred within a few pixels, in flex and grid rows too.
  expect(measured.lines.filter((line) => line.offCentre === null || line.offCentre > 4)).toEqual([]);
  expect(measured.page).toBe(measured.bare);
}

export function linkReport(page: Page): Promise<LinkReport[]> {
  return page.evaluate(collectLinkReport);
}

/** Waits until exactly the links marked `data-expect` have their badge, and no badge stands anywhere else. */
export async function expectBadgesAsMarked(
  page: Page,
  expect: typeof import('@playwright/test').expect,
): Promise<void> {
  await expect
    .poll(async () => (await linkReport(page)).filter((r) => r.expected !== r.badge), { timeout: 10_000 })
    .toEqual([]);
  const marked = (await linkReport(page)).filter((r) => r.expected).length;
  await expect(page.locator('[data-paperlens="badge"]')).toHaveCount(marked);
}

/** Opens `url` in a new tab and waits until exactly its marked links have their badges. */
export async function openBadgedPage(
  context: BrowserContext,
  url: string,
  expect: typeof import('@playwright/test').expect,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expectBadgesAsMarked(page, expect);
  return page;
}

/** The text of the toolbar icon's badge for the active tab, read in the service worker. */
export async function toolbarBadgeText(context: BrowserContext): Promise<string> {
  return (await backgroundWorker(context)).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return api.action.getBadgeText({ tabId: tab?.id });
  });
}
