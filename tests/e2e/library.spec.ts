import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { launchChromium } from '../helpers/chromium';
import { extensionWithArxivPermission, routeArxivApi } from './arxiv-api';
import { expect, openExtensionPage, sendFromPage, test } from './extension';
import { openBadgedPage, serveAt } from './pages';

/** A test whose extension holds the arXiv API permission (a prompt cannot be clicked from a test). */
const withArxiv = base.extend<{ profileDir: string; extensionDir: string; context: BrowserContext }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'paperlens-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  extensionDir: async ({}, use) => {
    const dir = extensionWithArxivPermission();
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir, extensionDir }, use) => {
    const context = await launchChromium(profileDir, extensionDir);
    await use(context);
    await context.close();
  },
});

const authorRow = (page: Page, name: string) => page.locator(`[data-paperlens-author="${name}"]`);

/** A page linking to the papers of the arXiv fixtures, as a blog would. */
const LINKS = `<!doctype html><title>Links</title>
<p><a href="https://arxiv.org/abs/2405.17234">Routing tokens</a></p>
<p><a href="https://arxiv.org/abs/2401.04081">MoE-Mamba</a></p>
<p><a href="https://arxiv.org/abs/2402.07871">Scaling laws</a></p>`;

const hostAuthors = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-paperlens="badge"]')].map((host) => [
        host.getAttribute('data-paperlens-id'),
        host.getAttribute('data-paperlens-authors'),
      ]),
    ),
  );

withArxiv(
  'follow an author on arXiv: asked politely through a 503, papers badged as theirs, kept after a restart',
  async ({ context, profileDir, extensionDir }) => {
    test.setTimeout(90_000);
    const requests = await routeArxivApi(context, { 'au:Pioro_M': { 0: [503, 'pioro-page1.xml'] } });
    const everything: string[] = [];
    context.on('request', (request) => everything.push(request.url()));
    const page = await openExtensionPage(context, 'library.html');
    await sendFromPage(page, 'saveToReadingList', { id: '2402.07871' });
    await page.getByLabel('Name or arXiv author query').fill('Maciej Pióro');
    await page.getByRole('button', { name: 'Follow on arXiv', exact: true }).click();
    // Following him makes the 7 bundled papers that name him his at once; arXiv then brings 4, 2 of them new.
    await expect(authorRow(page, 'Maciej Pióro')).toContainText('Fetched from arXiv: 4 papers, 2 new.', {
      timeout: 40_000,
    });
    await expect(authorRow(page, 'Maciej Pióro')).toContainText('9 papers in the library');
    // One request at a time, the second after a back-off: both to the API, both for the author's query.
    expect(requests).toHaveLength(2);
    for (const url of requests) {
      expect(new URL(url).origin).toBe('https://export.arxiv.org');
      expect(new URL(url).searchParams.get('search_query')).toBe('au:Pioro_M');
    }
    await expect(authorRow(page, 'Maciej Pióro')).toContainText('arXiv (au:Pioro_M)');
    // Opted in, Paperlens reaches arXiv's API and nothing else (extension pages aside).
    expect(
      everything.filter(
        (url) => !/^(chrome-extension:|data:|blob:|https:\/\/export\.arxiv\.org\/api\/query\?)/.test(url),
      ),
    ).toEqual([]);

    await serveAt(context, 'https://blog.example/links', LINKS);
    const blog = await context.newPage();
    await blog.goto('https://blog.example/links');
    await expect(blog.locator('[data-paperlens="badge"]')).toHaveCount(3);
    expect(await hostAuthors(blog)).toEqual({
      '2405.17234': 'Maciej Pióro',
      '2401.04081': 'Jan Ludziejewski, Maciej Pióro',
      '2402.07871': 'Jan Ludziejewski, Maciej Pióro',
    });

    await context.close();
    const again = await launchChromium(profileDir, extensionDir);
    const reopened = await openExtensionPage(again, 'library.html');
    await expect(authorRow(reopened, 'Maciej Pióro')).toContainText('9 papers in the library');
    await expect(authorRow(reopened, 'Jan Ludziejewski')).toContainText('13 papers in the library');
    const list = await sendFromPage<{ id: string }[]>(reopened, 'getReadingList', undefined);
    expect(list.map((entry) => entry.id)).toEqual(['2402.07871']);
    await again.close();
  },
);

withArxiv(
  'a cut-off answer stops with a plain message and changes nothing; Retry goes on; an empty result follows nobody’s papers',
  async ({ context }) => {
    test.setTimeout(90_000);
    const requests = await routeArxivApi(context, {
      'au:Ludziejewski_J': { 0: ['truncated.xml', 'ludziejewski-page1.xml'], 10: 'ludziejewski-page2.xml' },
      'au:Nobody_Q': { 0: 'empty.xml' },
    });
    const page = await openExtensionPage(context, 'library.html');
    const before = await sendFromPage<string>(page, 'exportLibrary', undefined);
    await page.getByLabel('Name or arXiv author query').fill('au:Ludziejewski_J');
    await page.getByRole('button', { name: 'Follow on arXiv', exact: true }).click();
    const failed = page.getByText(/from arXiv failed: .*cut off/);
    await expect(failed).toBeVisible({ timeout: 20_000 });
    const after = await sendFromPage<string>(page, 'exportLibrary', undefined);
    // Only the author's arXiv query was recorded; no paper changed.
    expect(JSON.parse(after).papers).toEqual(JSON.parse(before).papers);

    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(failed).toBeHidden({ timeout: 30_000 });
    await expect(authorRow(page, 'Jan Ludziejewski')).toContainText('arXiv (au:Ludziejewski_J)', { timeout: 30_000 });
    // The row named the query after the first try already: wait for Retry's requests, not for the row.
    await expect
      .poll(() => requests.map((url) => new URL(url).searchParams.get('start')), { timeout: 30_000 })
      .toEqual(['0', '0', '10']);

    await page.getByLabel('Name or arXiv author query').fill('au:Nobody_Q');
    await page.getByRole('button', { name: 'Follow on arXiv', exact: true }).click();
    await expect(authorRow(page, 'Q Nobody')).toContainText('0 papers in the library', { timeout: 20_000 });
  },
);

/** A JSON Lines snapshot of `lines` records, one in every `every` (50) by Jan Ludziejewski. */
function snapshot(lines: number, every = 50): string {
  const records: string[] = [];
  for (let i = 0; i < lines; i++) {
    const id = `2301.${String(10000 + i).padStart(5, '0')}`;
    const authors = i % every === 0 ? 'Jan Ludziejewski and Ada Lovelace' : `Person ${i} and Someone Else`;
    const parsed =
      i % every === 0
        ? [
            ['Ludziejewski', 'Jan', ''],
            ['Lovelace', 'Ada', ''],
          ]
        : [
            [`Person${i}`, 'A', ''],
            ['Else', 'Someone', ''],
          ];
    records.push(
      JSON.stringify({
        id,
        submitter: 'x',
        authors,
        title: `Synthetic paper number ${i}`,
        comments: null,
        'journal-ref': null,
        doi: null,
        'report-no': null,
        categories: 'cs.LG',
        license: null,
        abstract: `An abstract for synthetic paper ${i}.`,
        versions: [{ version: 'v1', created: 'Mon, 2 Jan 2023 10:00:00 GMT' }],
        update_date: '2023-01-02',
        authors_parsed: parsed,
      }),
    );
  }
  return `${records.join('\n')}\n`;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByRole('region', { name: 'Import preview' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Import preview' })).toBeHidden({ timeout: 30_000 });
}

test('a bibliography’s papers are badged by their doi.org links: one known only by its DOI, an arXiv paper by its publisher’s', async ({
  context,
}) => {
  const library = await openExtensionPage(context, 'library.html');
  await importFile(library, resolve('tests/fixtures/library/sample.bib'));
  await serveAt(
    context,
    'https://blog.example/references',
    `<!doctype html><title>References</title>
    <p><a href="https://doi.org/10.1002/j.1538-7305.1948.tb01338.x" data-expect="doi:10.1002/j.1538-7305.1948.tb01338.x">[1]</a></p>
    <p><a href="https://dx.doi.org/10.1023%2FA%3A1026654312961" data-expect="hep-th/9711200">Maldacena 1998</a></p>
    <p><a href="https://doi.org/10.1002/j.1538-7305.1948.tb01339.x">a neighbour’s DOI</a></p>
    <p><a href="https://publisher.example/10.1002/j.1538-7305.1948.tb01338.x">not a DOI link</a></p>`,
  );
  await openBadgedPage(context, 'https://blog.example/references', expect);
});

test('import every file kind: BibTeX, an arXiv Atom file, a 20,000-line snapshot, a library file; bad files change nothing', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage(context, 'library.html');
  await expect(authorRow(page, 'Jan Ludziejewski')).toContainText('13 papers in the library');
  await sendFromPage(page, 'saveToReadingList', { id: '2310.15961' });
  const papers = async () => JSON.parse(await sendFromPage<string>(page, 'exportLibrary', undefined)).papers.length;
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-files-'));

  const bad = join(dir, 'paper.pdf');
  writeFileSync(bad, '%PDF-1.7\n%âãÏÓ\n1 0 obj');
  await page.locator('input[type=file]').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('is not a file Paperlens can import');
  const invalid = join(dir, 'broken.bib');
  writeFileSync(invalid, Buffer.from([0x40, 0x61, 0x72, 0x74, 0xff, 0xfe, 0x7b]));
  await page.locator('input[type=file]').setInputFiles(invalid);
  await expect(page.getByRole('alert')).toContainText('broken.bib');
  expect(await papers()).toBe(13);

  await importFile(page, resolve('tests/fixtures/library/sample.bib'));
  const afterBib = await papers();
  expect(afterBib).toBeGreaterThan(13);

  await importFile(page, resolve('tests/fixtures/arxiv-api/pioro-page1.xml'));
  expect(await papers()).toBe(afterBib + 2);

  const jsonl = join(dir, 'arxiv-metadata-oai-snapshot.json');
  writeFileSync(jsonl, snapshot(20_000));
  await importFile(page, jsonl);
  // Only the records naming a followed author (one in 50) are kept.
  expect(await papers()).toBe(afterBib + 2 + 400);
  await expect(authorRow(page, 'Jan Ludziejewski')).toContainText('413 papers in the library');

  const exported = join(dir, 'library.json');
  writeFileSync(exported, await sendFromPage<string>(page, 'exportLibrary', undefined));
  await importFile(page, exported);
  expect(await papers()).toBe(afterBib + 402);

  await authorRow(page, 'Jan Ludziejewski').getByRole('button', { name: 'Unfollow' }).click();
  await page.getByRole('button', { name: 'Yes, unfollow' }).click();
  await expect(authorRow(page, 'Jan Ludziejewski')).toHaveCount(0);
  const list = await sendFromPage<{ id: string }[]>(page, 'getReadingList', undefined);
  expect(list.map((entry) => entry.id)).toEqual(['2310.15961']);
  rmSync(dir, { recursive: true, force: true });
  expect(readFileSync(resolve('tests/fixtures/library/sample.bib'), 'utf8')).toContain('@');
});

/** Stops the extension's service worker, as Chrome does when it is idle or the browser needs the memory. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

const libraryPapers = async (page: Page) =>
  (await sendFromPage<{ papers: number }>(page, 'corpusStatus', undefined)).papers;

test('a worker stopped mid-commit leaves the library as it was, says so, and Import can be pressed again', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const page = await openExtensionPage(context, 'library.html');
  await expect(authorRow(page, 'Jan Ludziejewski')).toContainText('13 papers in the library');
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-interrupted-'));
  const file = join(dir, 'arxiv-metadata-oai-snapshot.json');
  // Every record names Jan: 12,000 papers to write, long enough to stop the worker half-way.
  writeFileSync(file, snapshot(12_000, 1));
  await page.locator('input[type=file]').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('12000 papers in “arxiv-metadata-oai-snapshot.json”: 12000 new', {
    timeout: 90_000,
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // The progress bar says how far the commit is; stop the worker once it has written some.
  await expect(
    page.getByText(/Importing the papers in “arxiv-metadata-oai-snapshot\.json”: [1-9][\d,]* of 12,000/),
  ).toBeVisible({
    timeout: 60_000,
  });
  await stopWorker(page);
  await expect(page.getByRole('alert')).toContainText(
    'Paperlens restarted while importing “arxiv-metadata-oai-snapshot.json”, so nothing was changed. Press Import to try again.',
    { timeout: 60_000 },
  );
  expect(await libraryPapers(page)).toBe(13);
  await expect(authorRow(page, 'Jan Ludziejewski')).toContainText('13 papers in the library');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden({ timeout: 120_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toContainText('Added 12000 papers');
  expect(await libraryPapers(page)).toBe(12_013);
  rmSync(dir, { recursive: true, force: true });
});

test('a worker stopped while a snapshot is read and handed over loses none of it', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage(context, 'library.html');
  await expect(authorRow(page, 'Jan Ludziejewski')).toContainText('13 papers in the library');
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-restart-read-'));
  const file = join(dir, 'arxiv-metadata-oai-snapshot.json');
  writeFileSync(file, snapshot(30_000, 3));
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText(/[1-9][\d,]* papers handed to Paperlens/)).toBeVisible({ timeout: 60_000 });
  await stopWorker(page);
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('10000 papers in “arxiv-metadata-oai-snapshot.json”: 10000 new', {
    timeout: 90_000,
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden({ timeout: 90_000 });
  expect(await libraryPapers(page)).toBe(10_013);
  rmSync(dir, { recursive: true, force: true });
});
