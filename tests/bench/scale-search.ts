/**
 * The scale bench's search figures (tests/bench/scale.bench.ts): the background's index
 * built, keystrokes answered, and the popup's first results after it opens.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ScaleLibrary } from '../scale/generate';

const SEARCH = { authorId: null, categories: [], year: null, hasCode: false, sort: 'relevance', offset: 0, limit: 20 };

/** One searchLibrary round trip, timed in the page (only the time, total and completeness come back). */
async function timedSearch(page: Page, query: string) {
  return page.evaluate(
    async (request) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      const start = performance.now();
      const reply = (await runtime.sendMessage({
        id: 1,
        type: 'searchLibrary',
        data: request,
        timestamp: Date.now(),
      })) as {
        res?: { total: number; complete: boolean };
        err?: { message: string };
      };
      if (!reply.res) throw new Error(reply.err?.message ?? 'no answer');
      return { ms: performance.now() - start, total: reply.res.total, complete: reply.res.complete };
    },
    { ...SEARCH, query },
  );
}

/** From the first search of a library (the index is built then) to a full-index answer. */
export async function searchIndexReady(page: Page, timeoutMs = 600_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const { complete } = await timedSearch(page, 'model');
    if (complete) return Date.now() - start;
    await page.waitForTimeout(200);
  }
  return Number.POSITIVE_INFINITY;
}

/** Every prefix of some queries (title words, an author's family name, a misspelt word), each a keystroke. */
function keystrokes(library: ScaleLibrary | null): string[] {
  const papers = library?.papers ?? [];
  const queries =
    papers.length === 0
      ? ['scaling laws', 'pioro', 'mixtrue of experts', 'voxtral']
      : Array.from({ length: 12 }, (_, i) => {
          const paper = papers[(i * 7919) % papers.length]!;
          const words = paper.title.split(/\s+/).filter((w) => w.length > 3);
          if (i % 3 === 1) return paper.authors[0]?.split(' ').at(-1) ?? 'smith';
          if (i % 3 === 2) return (words[0] ?? 'model').replace(/(.)(.)$/, '$2$1');
          return words.slice(0, 3).join(' ');
        });
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}

/** Keystrokes answered by the background (round trip from an extension page, a popup's page of 20 results with summaries). */
export async function measureKeystrokes(page: Page, library: ScaleLibrary | null): Promise<number[]> {
  const times: number[] = [];
  for (const query of keystrokes(library)) times.push((await timedSearch(page, query)).ms);
  return times;
}

/** An init script for the popup: the time (since navigation) its first result row appeared. */
export function recordFirstResult(): void {
  const w = window as unknown as { __firstResult?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('.results [data-paperlens-id]')) {
      w.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Opens the popup as a page and returns when its first result row appeared, in ms from navigation. */
export async function popupFirstResults(context: BrowserContext, extensionHost: string): Promise<number> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionHost}/popup.html`);
  await popup.locator('.results [data-paperlens-id]').first().waitFor({ timeout: 120_000 });
  const ms = await popup.evaluate(() => (window as unknown as { __firstResult?: number }).__firstResult ?? Number.NaN);
  await popup.close();
  return ms;
}

/**
 * A keystroke's floor in the same run: for as many keystrokes as `measureKeystrokes` times, a page of 20 library
 * papers (a stride apart, so no read is warm) read straight from IndexedDB, each paper and its derived record in
 * one transaction, and an empty lookup's round trip: what the first showing of a page of results pays unless
 * every paper's summary were kept in memory (~250 MB at 100k).
 */
export async function measureKeystrokeFloor(page: Page, library: ScaleLibrary | null): Promise<number[]> {
  return page.evaluate(async (rounds) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('paperlens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db.transaction('papers').objectStore('papers').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome.runtime;
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const ids = Array.from({ length: 20 }, (_, k) => keys[((round * 20 + k) * 7919) % keys.length] as IDBValidKey);
      const start = performance.now();
      const tx = db.transaction(['papers', 'derived']);
      for (const id of ids) {
        tx.objectStore('papers').get(id);
        tx.objectStore('derived').get(id);
      }
      await new Promise((done) => {
        tx.oncomplete = done;
      });
      const data = { ids: [], dois: [], titles: [] };
      await runtime.sendMessage({ id: 1, type: 'lookupPapers', data, timestamp: Date.now() });
      times.push(performance.now() - start);
    }
    db.close();
    return times;
  }, keystrokes(library).length);
}
