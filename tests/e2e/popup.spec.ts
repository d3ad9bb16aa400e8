import type { BrowserContext, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { backgroundWorker, expect, openExtensionPage, sendFromPage, test } from './extension';
import { closeTheInternet, expectBadgesAsMarked, openBadgedPage } from './pages';

/** The ids of the result rows, in the order shown, once the background has answered the query as it stands. */
async function resultIds(popup: Page) {
  await expect(popup.locator('.results')).toHaveAttribute('aria-busy', 'false');
  return popup
    .locator('.results [data-paperlens-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paperlens-id')));
}

async function openPopup(context: BrowserContext, query = ''): Promise<Page> {
  const popup = await openExtensionPage(context, `popup.html${query}`);
  await expect(popup.locator('.results [data-paperlens-id]')).toHaveCount(13);
  return popup;
}

test('the popup opens on a focused, labelled search box and lists every paper, newest first', async ({ context }) => {
  const popup = await openPopup(context);
  const box = popup.getByRole('searchbox', { name: "Search the author's papers" });
  await expect(box).toBeFocused();
  const ids = await resultIds(popup);
  const library = await sendFromPage<{ papers: { id: string; date: string }[] }>(popup, 'getLibrary', undefined);
  const newestFirst = [...library.papers].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  expect(ids).toEqual(newestFirst.map((p) => p.id));
  await expect(popup.getByRole('heading', { name: 'Jan Ludziejewski' })).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Insights' })).toHaveAttribute('href', '/insights.html');
});

test('queries rank the expected paper first, typos and accents included, and say so when nothing matches', async ({
  context,
}) => {
  const popup = await openPopup(context);
  const box = popup.getByRole('searchbox');
  const cases: [string, string][] = [
    ['mu parametrization', '2508.09752'],
    ['scailng laws fine grained', '2402.07871'],
    ['mixture of tokens', '2310.15961'],
    ['moe mamba', '2401.04081'],
  ];
  for (const [query, first] of cases) {
    await box.fill(query);
    await expect.poll(async () => (await resultIds(popup))[0], { message: query }).toBe(first);
  }
  await box.fill('pioro');
  const withPioro = await resultIds(popup);
  expect(withPioro.length).toBeGreaterThan(1);
  await expect(popup.locator('.results mark').first()).toHaveText('Pióro');

  await box.fill('zzqxv quantum chromodynamics');
  await expect(popup.locator('.results [data-paperlens-id]')).toHaveCount(0);
  await expect(popup.getByRole('status').first()).toContainText('No papers match “zzqxv quantum chromodynamics”');
});

test('filters and sorts: category chips, year, has code, most novel', async ({ context }) => {
  const popup = await openPopup(context);
  const library = await sendFromPage<{
    papers: {
      id: string;
      category: string;
      year: number;
      hasCode: boolean;
      date: string;
      novelty: { score: number };
    }[];
  }>(popup, 'getLibrary', undefined);
  const byDate = (a: { date: string; id: string }, b: { date: string; id: string }) =>
    b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

  await popup.locator('.filter-chip', { hasText: 'CL' }).click();
  await expect(popup.locator('.filter-chip', { hasText: 'CL' })).toHaveAttribute('aria-pressed', 'true');
  expect(await resultIds(popup)).toEqual(
    library.papers
      .filter((p) => p.category === 'CL')
      .sort(byDate)
      .map((p) => p.id),
  );
  await popup.locator('.filter-chip', { hasText: 'CL' }).click();

  await popup.getByRole('checkbox', { name: 'Has code' }).check();
  expect(await resultIds(popup)).toEqual(
    library.papers
      .filter((p) => p.hasCode)
      .sort(byDate)
      .map((p) => p.id),
  );
  await popup.getByRole('checkbox', { name: 'Has code' }).uncheck();

  await popup.getByRole('combobox', { name: 'Year' }).selectOption('2025');
  expect(await resultIds(popup)).toEqual(
    library.papers
      .filter((p) => p.year === 2025)
      .sort(byDate)
      .map((p) => p.id),
  );
  await popup.getByRole('combobox', { name: 'Year' }).selectOption('');

  await popup.getByRole('combobox', { name: 'Sort by' }).selectOption('novel');
  const novel = [...library.papers].sort((a, b) => b.novelty.score - a.novelty.score || byDate(a, b));
  expect(await resultIds(popup)).toEqual(novel.map((p) => p.id));
});

test('keyboard: arrows move through results, Shift+Enter saves, Enter opens arXiv, Escape clears', async ({
  context,
}) => {
  await closeTheInternet(context);
  const popup = await openPopup(context);
  const box = popup.getByRole('searchbox');
  await box.fill('mixture');
  const ids = await resultIds(popup);
  expect(ids.length).toBeGreaterThan(2);

  await popup.keyboard.press('ArrowDown');
  await expect(popup.locator(`[data-paperlens-id="${ids[0]}"] a.result-title`)).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.locator(`[data-paperlens-id="${ids[1]}"] a.result-title`)).toBeFocused();

  await popup.keyboard.press('Shift+Enter');
  const save = popup.locator(`[data-paperlens-id="${ids[1]}"]`).getByRole('button', { name: /^Save/ });
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await sendFromPage<{ id: string }[]>(popup, 'getReadingList', undefined)).map((e) => e.id))
    .toEqual([ids[1]]);

  const [opened, request] = await Promise.all([
    context.waitForEvent('page'),
    context.waitForEvent('request', (r) => r.url().startsWith('https://arxiv.org/')),
    popup.keyboard.press('Enter'),
  ]);
  expect(request.url()).toBe(`https://arxiv.org/abs/${ids[1]}`);
  await opened.close();

  await popup.keyboard.press('ArrowUp');
  await popup.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(popup.locator('.results [data-paperlens-id]')).toHaveCount(13);
});

test('save from the popup, then the reading list survives closing and relaunching the browser', async ({
  context,
  profileDir,
}) => {
  const popup = await openPopup(context);
  await popup.getByRole('searchbox').fill('mamba');
  await popup
    .locator('[data-paperlens-id="2401.04081"]')
    .getByRole('button', { name: /^Save MoE-Mamba/ })
    .click();
  await expect(
    popup.locator('[data-paperlens-id="2401.04081"]').getByRole('button', { name: /^Saved/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await popup.getByRole('tab', { name: /Reading list/ }).click();
  await expect(popup.locator('.entries [data-paperlens-id]')).toHaveCount(1);
  await expect(popup.locator('.entries [data-paperlens-id="2401.04081"]')).toContainText('MoE-Mamba');
  await context.close();

  const { launchWithExtension } = await import('./extension');
  const relaunched = await launchWithExtension(profileDir);
  try {
    const again = await openExtensionPage(relaunched, 'popup.html');
    await again.getByRole('tab', { name: /Reading list/ }).click();
    await expect(again.locator('.entries [data-paperlens-id="2401.04081"]')).toBeVisible();
    await again.getByRole('tab', { name: /Papers/ }).click();
    await expect(
      again.locator('.results [data-paperlens-id="2401.04081"]').getByRole('button', { name: /^Saved/ }),
    ).toBeVisible();
  } finally {
    await relaunched.close();
  }
});

test('"Disable on this site" in the popup removes the badges from that open tab, and back', async ({
  context,
  server,
}) => {
  const page = await openBadgedPage(context, server.url('blog.html'), expect);
  const worker = await backgroundWorker(context);
  // The page is the active tab (without the "tabs" permission, a query by URL finds nothing).
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  expect(tabId).toEqual(expect.any(Number));
  const popup = await openPopup(context, `?tab=${tabId}`);
  await expect(popup.locator('.site-switch')).toContainText('Badges on 127.0.0.1');
  await popup.getByRole('button', { name: 'Disable on this site' }).click();
  await expect(page.locator('[data-paperlens="badge"]')).toHaveCount(0);
  await expect(popup.locator('.site-switch')).toContainText('Badges off on 127.0.0.1');
  await popup.getByRole('button', { name: 'Enable on this site' }).click();
  await expectBadgesAsMarked(page, expect);
});

test('the popup passes axe-core in light and dark, with results and on the reading-list tab', async ({ context }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await openPopup(context);
    await popup.emulateMedia({ colorScheme });
    await popup.getByRole('searchbox').fill('scaling');
    expect(await seriousViolations(popup), `${colorScheme} search`).toEqual([]);
    const save = popup.locator('.results [data-paperlens-id]').first().getByRole('button', { name: /^Save/ });
    if ((await save.getAttribute('aria-pressed')) === 'false') await save.click();
    await popup.getByRole('tab', { name: /Reading list/ }).click();
    await expect(popup.locator('.entries [data-paperlens-id]')).not.toHaveCount(0);
    expect(await seriousViolations(popup), `${colorScheme} reading list`).toEqual([]);
    await popup.close();
  }
});

test('a note typed in the popup is saved while typing, and unsaving from the search can be undone with it', async ({
  context,
}) => {
  const popup = await openPopup(context);
  await popup.getByRole('searchbox').fill('mamba');
  const row = popup.locator('.results [data-paperlens-id="2401.04081"]');
  await row.getByRole('button', { name: /^Save/ }).click();
  await popup.getByRole('tab', { name: /Reading list/ }).click();
  await popup.getByText('Note and tags').click();
  await popup.getByRole('textbox', { name: /^Note for MoE-Mamba/ }).pressSequentially('Read with the Mamba paper.');
  // No blur: closing the popup gives none. The note is saved after a pause in typing.
  await expect
    .poll(async () => (await sendFromPage<{ note: string }[]>(popup, 'getReadingList', undefined))[0]?.note)
    .toBe('Read with the Mamba paper.');
  await popup.close();

  const again = await openPopup(context);
  await again.getByRole('searchbox').fill('mamba');
  await again
    .locator('.results [data-paperlens-id="2401.04081"]')
    .getByRole('button', { name: /^Saved/ })
    .click();
  await expect(again.getByRole('status').filter({ hasText: 'Removed' })).toContainText('MoE-Mamba');
  expect(await sendFromPage<unknown[]>(again, 'getReadingList', undefined)).toEqual([]);
  await again.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await sendFromPage<{ note: string }[]>(again, 'getReadingList', undefined))[0]?.note)
    .toBe('Read with the Mamba paper.');
});
