import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, openExtensionPage, test } from './extension';

const SCREENSHOTS = 'docs/screenshots';

/** Opens insights.html (optionally with a hash) at 1280×800 and waits for the charts. */
async function openInsights(context: Parameters<typeof openExtensionPage>[0], hash = ''): Promise<Page> {
  const page = await openExtensionPage(context, `insights.html${hash}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('[data-mark="node"]').first()).toBeVisible();
  return page;
}

test.describe('the insights page', () => {
  test('each chart draws one mark per row of its data table', async ({ context }) => {
    const page = await openInsights(context);

    await expect(page.getByRole('heading', { level: 1, name: 'Jan Ludziejewski' })).toBeVisible();
    await expect(page.locator('.data-date time')).toHaveAttribute('datetime', '2026-03-26');

    // Papers per year: a bar per non-empty (year, category) cell, each the cell's count.
    const bars = page.locator('#papers-per-year [data-mark="bar"]');
    await expect(bars).toHaveCount(8);
    const cells = await page
      .locator('#papers-per-year tbody td[data-category]')
      .evaluateAll((tds) =>
        tds
          .map((td) => `${td.closest('tr')?.querySelector('th')?.textContent}/${td.dataset.category}/${td.textContent}`)
          .filter((cell) => !cell.endsWith('/0')),
      );
    const drawn = await bars.evaluateAll((rects) =>
      rects.map((r) => `${r.dataset.year}/${(r as SVGElement).dataset.category}/${(r as SVGElement).dataset.count}`),
    );
    expect(drawn.sort()).toEqual(cells.sort());
    await expect(page.locator('#papers-per-year tbody tr')).toHaveCount(4);

    // Novelty: a dot per paper, the same papers as the table rows.
    const dots = page.locator('#novelty [data-mark="dot"]');
    await expect(dots).toHaveCount(13);
    const dotIds = await dots.evaluateAll((els) => els.map((el) => el.getAttribute('data-paperlens-id')));
    const rowIds = await page
      .locator('#novelty tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paperlens-id')));
    expect(dotIds).toEqual(rowIds);

    // Network: the author plus one node per coauthor row, with no two names overlapping on screen.
    await expect(page.locator('#network [data-mark="node"]')).toHaveCount(29);
    await expect(page.locator('#network tbody tr')).toHaveCount(28);
    const overlaps = await page.locator('#network [data-mark="node"] text').evaluateAll((texts) => {
      const boxes = texts.map((t) => t.getBoundingClientRect());
      const found: string[] = [];
      boxes.forEach((a, i) => {
        boxes.slice(i + 1).forEach((b, j) => {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            found.push(`${texts[i]?.textContent} × ${texts[i + 1 + j]?.textContent}`);
          }
        });
      });
      return found;
    });
    expect(overlaps).toEqual([]);
    await expect(page.locator('#network .cluster-list li')).toHaveCount(2);

    await expect(page.locator('#top-coauthors tbody tr')).toHaveCount(28);
    await expect(page.locator('#related tbody tr')).toHaveCount(13);
    await expect(page.locator('#related tbody td[data-rank]')).toHaveCount(39);
  });

  test('the coauthor table sorts by each column', async ({ context }) => {
    const page = await openInsights(context);
    const firstName = page.locator('#top-coauthors tbody tr th').first();
    await expect(firstName).toHaveText('Jakub Krajewski');
    await expect(page.locator('#top-coauthors th[aria-sort="descending"]')).toHaveText(/Shared papers/);

    await page.locator('#top-coauthors button[data-sort="name"]').click();
    await expect(page.locator('#top-coauthors th[aria-sort="ascending"]')).toHaveText(/Name/);
    await expect(firstName).toHaveText('Abhinav Rastogi');

    await page.locator('#top-coauthors button[data-sort="name"]').click();
    await expect(firstName).toHaveText('Victor Jouault');

    await page.locator('#top-coauthors button[data-sort="firstYear"]').click();
    await expect(page.locator('#top-coauthors tbody tr').first().locator('td').nth(1)).toHaveText('2023');
  });

  test('a focused dot shows its explanation; Enter opens the card and Escape closes it', async ({ context }) => {
    const page = await openInsights(context);
    const dot = page.locator('#novelty [data-mark="dot"][data-paperlens-id="2402.07871"]');
    await dot.focus();
    await expect(page.getByRole('tooltip')).toContainText('Scaling Laws for Fine-Grained Mixture of Experts');
    await expect(page.getByRole('tooltip')).toContainText('Novelty 81%');

    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-paperlens-id', '2402.07871');
    await expect(card.locator('.card-related li')).toHaveCount(3);
    await expect(card.locator('.card-related li').first()).toContainText('Joint MoE Scaling Laws');
    expect(page.url()).toMatch(/#paper=2402\.07871$/);

    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(dot).toBeFocused();

    await dot.click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('#paper=<id> opens that paper’s card on load', async ({ context }) => {
    const page = await openInsights(context, '#paper=2508.09752');
    const card = page.getByRole('dialog');
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { level: 2 })).toHaveText('μ-Parametrization for Mixture of Experts');
    await card.getByRole('button', { name: /Joint MoE Scaling Laws/ }).click();
    await expect(card).toHaveAttribute('data-paperlens-id', '2502.05172');
  });

  test('#paper=<id> of a paper not in the library says so and opens no card', async ({ context }) => {
    const page = await openInsights(context, '#paper=1706.03762');
    await expect(page.getByRole('status').filter({ hasText: 'arXiv 1706.03762 is not in your library' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('no serious accessibility violations, light and dark, and the README screenshots', async ({ context }) => {
    const page = await openInsights(context);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/insights-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('#network').screenshot({ path: `${SCREENSHOTS}/insights-network.png` });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('#novelty [data-mark="dot"]').first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
    }
  });

  test('a data-theme on <html> overrides the system colour scheme', async ({ context }) => {
    const page = await openInsights(context);
    await page.emulateMedia({ colorScheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const barFill = () =>
      page
        .locator('#papers-per-year [data-mark="bar"][data-category="LG"]')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
    expect(await barFill()).toBe('rgb(31, 95, 191)');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(await background()).toBe('rgb(27, 29, 33)');
    // The dark LG colour of category-colors.ts, the one badges and chips use.
    expect(await barFill()).toBe('rgb(127, 178, 255)');
  });

  test('fits an 800 px wide window without sideways scrolling', async ({ context }) => {
    const page = await openInsights(context);
    await page.setViewportSize({ width: 800, height: 800 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      network: document.querySelector('#network svg')?.getBoundingClientRect().width ?? 0,
    }));
    expect(widths.page).toBeLessThanOrEqual(800);
    expect(widths.network).toBeGreaterThan(700);
  });
});
