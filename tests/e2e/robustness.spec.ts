import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../helpers/chromium';
import { backgroundWorker, EXTENSION_PATH, expect, openExtensionPage, sendFromPage, test } from './extension';
import { page as htmlPage, linkList } from './large-pages';
import { openBadgedPage, serveAt } from './pages';
import { longestTaskOf, traceWhile } from './tasks';

test('the service worker is stopped mid-session: the next page is still annotated and its Save still works', async ({
  context,
  server,
}) => {
  await openBadgedPage(context, server.url('blog.html'), expect);

  await backgroundWorker(context);
  const extension = await openExtensionPage(context, 'popup.html');
  const cdp = await context.newCDPSession(extension);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped; // the worker really is gone

  const next = await openBadgedPage(context, server.url('scholar.html'), expect); // the lookup woke a new worker
  const badge = next.locator('[data-paperlens="badge"]').first().getByRole('button');
  const id = await next.locator('[data-paperlens="badge"]').first().getAttribute('data-paperlens-id');
  await badge.focus();
  await next.keyboard.press('Enter');
  await next.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(next.getByRole('dialog').getByRole('button', { name: 'Saved' })).toBeVisible();
  const list = await sendFromPage<{ id: string }[]>(extension, 'getReadingList', undefined);
  expect(list.map((e) => e.id)).toEqual([id]);
});

test('a corrupt bundled corpus: the background says why and keeps serving the last good copy and the reading list', async () => {
  const root = mkdtempSync(join(tmpdir(), 'paperlens-corrupt-'));
  const build = join(root, 'extension');
  const profile = join(root, 'profile');
  cpSync(EXTENSION_PATH, build, { recursive: true });
  const launch = () => launchChromium(profile, build);
  let context = await launch();
  try {
    // A good version first: the corpus is seeded and a paper saved.
    let popup = await openExtensionPage(context, 'popup.html');
    await expect
      .poll(() => sendFromPage<{ papers: number }>(popup, 'corpusStatus', undefined).then((s) => s.papers))
      .toBe(13);
    await sendFromPage(popup, 'saveToReadingList', { id: '2402.07871' });
    const good = await sendFromPage<{ corpusHash: string }>(popup, 'corpusStatus', undefined);
    await context.close();

    // The update: a new version whose bundled corpus is altered. A store update re-registers the
    // service worker; an unpacked extension's worker stays cached in the profile, so drop that cache
    // (not the extension's IndexedDB) to load the new code the same way.
    const background = join(build, 'background.js');
    const code = readFileSync(background, 'utf8');
    expect(code).toContain('id:`2603.25551`');
    writeFileSync(background, code.replace('id:`2603.25551`', 'id:`not-an-arxiv-id`'));
    const manifestPath = join(build, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });

    context = await launch();
    popup = await openExtensionPage(context, 'popup.html');
    expect(
      await popup.evaluate(
        () =>
          (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.getManifest()
            .version,
      ),
    ).toBe(`${manifest.version}.1`);
    const status = await sendFromPage<{ papers: number; corpusHash: string; bundledCorpusError: string | null }>(
      popup,
      'corpusStatus',
      undefined,
    );
    expect(status.bundledCorpusError).toMatch(/^papers\.0\.id: must be a bare arXiv id/);
    expect(status.papers).toBe(13);
    expect(status.corpusHash).toBe(good.corpusHash);
    await expect(popup.locator('.results [data-paperlens-id]')).toHaveCount(13);
    expect((await sendFromPage<{ id: string }[]>(popup, 'getReadingList', undefined)).map((e) => e.id)).toEqual([
      '2402.07871',
    ]);
    const lookup = await sendFromPage<{ papers: { id: string }[] }>(popup, 'lookupPapers', {
      ids: ['2603.25551'],
      dois: [],
      titles: [],
    });
    expect(lookup.papers.map((p) => p.id)).toEqual(['2603.25551']);
    const options = await openExtensionPage(context, 'options.html');
    await expect(options.getByRole('alert')).toContainText('papers.0.id');
  } finally {
    await context.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/** The content script's file: what its own tasks are told apart by in a trace. */
const CONTENT_SCRIPT = 'annotate-page.js';

test('a page of 50,000 links gets exactly its badges, and no task of ours runs over 50 ms', async ({
  context,
  server,
}) => {
  test.setTimeout(120_000);
  const url = server.url('generated/50k.html');
  await serveAt(context, url, htmlPage('50k links', linkList(50_000)));
  const page = await context.newPage();
  const trace = await traceWhile(page, async () => {
    await page.goto(url);
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const expected = document.querySelectorAll('a[data-expect]').length;
            const badged = [...document.querySelectorAll('a[data-expect]')].filter(
              (a) => a.nextElementSibling?.getAttribute('data-paperlens-id') === a.getAttribute('data-expect'),
            ).length;
            return { expected, badged, badges: document.querySelectorAll('[data-paperlens="badge"]').length };
          }),
        { timeout: 60_000 },
      )
      .toEqual({ expected: 1_076, badged: 1_076, badges: 1_076 }); // the generator's fixed seed gives 1,076 corpus links
  });
  // Our work is cut into slices; the browser's relayout of 50,000 links after they go in is the page's, not ours.
  const longest = longestTaskOf(trace, CONTENT_SCRIPT);
  expect(longest, 'the trace saw the content script work').toBeGreaterThan(0);
  expect(longest).toBeLessThan(50);
});

test('a page with 200 same-origin iframes: every frame gets its badges, and no task of ours runs over 50 ms', async ({
  context,
  server,
}) => {
  test.setTimeout(120_000);
  const frame = (i: number) => htmlPage(`frame ${i}`, linkList(30, i + 1));
  await context.route(`${server.origin}/generated/frame-*.html`, (route) => {
    const i = Number(/frame-(\d+)\.html/.exec(route.request().url())?.[1]);
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: frame(i) });
  });
  const frames = Array.from(
    { length: 200 },
    (_, i) => `<iframe title="frame ${i}" src="frame-${i}.html" width="300" height="120"></iframe>`,
  );
  const url = server.url('generated/frames.html');
  await serveAt(context, url, htmlPage('200 frames', frames.join('')));
  const page = await context.newPage();
  const report = async () => {
    let expected = 0;
    let badged = 0;
    let badges = 0;
    for (const f of page.frames().slice(1)) {
      const r = await f.evaluate(() => ({
        expected: document.querySelectorAll('a[data-expect]').length,
        badged: [...document.querySelectorAll('a[data-expect]')].filter(
          (a) => a.nextElementSibling?.getAttribute('data-paperlens-id') === a.getAttribute('data-expect'),
        ).length,
        badges: document.querySelectorAll('[data-paperlens="badge"]').length,
      }));
      expected += r.expected;
      badged += r.badged;
      badges += r.badges;
    }
    return { expected, badged, badges, allExpected: expected === badged && badged === badges };
  };
  const trace = await traceWhile(page, async () => {
    await page.goto(url);
    await expect.poll(() => page.frames().length, { timeout: 30_000 }).toBe(201);
    await expect.poll(async () => (await report()).allExpected, { timeout: 60_000 }).toBe(true);
  });
  expect((await report()).expected).toBeGreaterThan(50);
  // Every frame runs its own content script, in the same renderer as the page: none of them ever runs long.
  const longest = longestTaskOf(trace, CONTENT_SCRIPT);
  expect(longest, 'the trace saw the content scripts work').toBeGreaterThan(0);
  expect(longest).toBeLessThan(50);
});
