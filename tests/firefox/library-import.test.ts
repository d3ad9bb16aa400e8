import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_PATH, launchFirefox, openExtensionPage } from './firefox';

/** A JSON Lines snapshot of `lines` records, one in every three by Jan Ludziejewski. */
function snapshot(lines: number): string {
  return Array.from({ length: lines }, (_, i) => {
    const jan = i % 3 === 0;
    return JSON.stringify({
      id: `2301.${String(10000 + i).padStart(5, '0')}`,
      authors: jan ? 'Jan Ludziejewski and Ada Lovelace' : `A. Person${i} and Someone Else`,
      title: `Synthetic paper number ${i}`,
      categories: 'cs.LG',
      abstract: `An abstract for synthetic paper ${i}.`,
      versions: [{ version: 'v1', created: 'Mon, 2 Jan 2023 10:00:00 GMT' }],
      authors_parsed: [jan ? ['Ludziejewski', 'Jan', ''] : [`Person${i}`, 'A', ''], ['Else', 'Someone', '']],
    });
  }).join('\n');
}

const text = (page: Page) => page.evaluate(() => document.body.textContent ?? '');
const rowText = (page: Page) =>
  page.$eval('[data-paperlens-author="Jan Ludziejewski"]', (li) => li.textContent ?? '').catch(() => '');

describe('the library’s file import in Firefox', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperlens-firefox-import-'));
    browser = await launchFirefox();
    await browser.installExtension(EXTENSION_PATH);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a snapshot in its worker, stages it, previews it and imports it all or nothing', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await expect.poll(() => rowText(page), { timeout: 30_000 }).toContain('13 papers in the library');
    const file = join(dir, 'arxiv-metadata-oai-snapshot.json');
    writeFileSync(file, snapshot(6_000));
    const input = await page.waitForSelector('input[type=file]');
    await input?.uploadFile(file);
    await expect
      .poll(() => text(page), { timeout: 60_000, interval: 250 })
      .toContain('2000 papers in “arxiv-metadata-oai-snapshot.json”: 2000 new, 0 updated');
    const importButton = await page.waitForSelector('::-p-aria([name="Import"][role="button"])');
    await expect.poll(() => importButton?.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await importButton?.click();
    await expect.poll(() => page.$('[aria-label="Import preview"]'), { timeout: 60_000 }).toBeNull();
    expect(await text(page)).toContain('Added 2000 papers');
    await expect.poll(() => rowText(page), { timeout: 30_000 }).toContain('2013 papers in the library');
    // Committed, the staged batches are gone from the database.
    const staged = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('paperlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('staging').objectStore('staging').count();
            count.onsuccess = () => {
              resolve(count.result);
              open.result.close();
            };
          };
        }),
    );
    expect(staged).toBe(0);
    await page.close();
  });
});
