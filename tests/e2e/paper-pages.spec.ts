import { readFileSync } from 'node:fs';
import { percent } from '../../lib/format';
import { expect, test } from './extension';
import { closeTheInternet, serveAt, toolbarBadgeText } from './pages';
import { expectedClosest, OUTSIDE, OUTSIDE_ABSTRACT_PAGE } from './related-page';
import { badgesByCase, TEXT_CASES_EXPECTED, TEXT_CASES_TEXTS } from './text-cases-page';

const paperPage = (file: string) => readFileSync(`tests/fixtures/paper-pages/${file}`, 'utf8');

test.beforeEach(async ({ context }) => {
  await closeTheInternet(context);
});

test('plain-text arXiv ids: a badge after each library paper the shared text table names, and nowhere else', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('text-cases.html'));
  expect(TEXT_CASES_EXPECTED.flat().length).toBeGreaterThan(20);
  await expect.poll(() => page.evaluate(badgesByCase), { timeout: 10_000 }).toEqual(TEXT_CASES_EXPECTED);
  // Text is never changed: every item's text is what the page wrote.
  const texts = await page.evaluate(() => [...document.querySelectorAll('[data-case]')].map((li) => li.textContent));
  expect(texts.slice(0, TEXT_CASES_TEXTS.length)).toEqual(TEXT_CASES_TEXTS);

  // Text the page types in letter by letter is badged once it is still.
  await page.evaluate(() => {
    const item = document.createElement('li');
    item.id = 'typed';
    document.querySelector('ol')?.append(item);
    const text = document.createTextNode('');
    item.append(text);
    let at = 0;
    const word = 'see arXiv:2401.04081';
    const timer = setInterval(() => {
      text.data = word.slice(0, ++at);
      if (at === word.length) clearInterval(timer);
    }, 30);
  });
  const typed = page.locator('#typed [data-paperlens="badge"]');
  await expect(typed).toHaveAttribute('data-paperlens-id', '2401.04081');
  await expect(typed).toHaveCount(1);
});

test('an arXiv HTML paper: its panel under the title, badges on its bibliography by link, DOI, text and title', async ({
  context,
}) => {
  await serveAt(context, 'https://arxiv.org/html/2402.07871v2', paperPage('arxiv-html.html'));
  const page = await context.newPage();
  await page.goto('https://arxiv.org/html/2402.07871v2');
  const panel = page.locator('[data-paperlens="panel"][data-paperlens-id="2402.07871"]');
  await expect(panel).toHaveCount(1);
  expect(await panel.evaluate((host) => host.previousElementSibling?.matches('h1.ltx_title_document'))).toBe(true);
  await expect(panel.getByRole('heading', { name: 'Scaling Laws for Fine-Grained Mixture of Experts' })).toBeVisible();
  const bibliography = page.locator('.ltx_biblist [data-paperlens="badge"]');
  await expect
    .poll(() => bibliography.evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-paperlens-id'))))
    .toEqual(['2310.15961', '2401.04081']);
  // The tab shows a library paper: the toolbar says so (☆: not saved) rather than count its references.
  await expect.poll(() => toolbarBadgeText(context)).toBe('☆');
});

test('pages that are a paper: OpenReview by its citation title gets the paper’s panel under its title', async ({
  context,
}) => {
  const url = 'https://openreview.net/forum?id=IjcTl5fXzP';
  await serveAt(context, url, paperPage('openreview-forum.html'));
  const page = await context.newPage();
  await page.goto(url);
  const panel = page.locator('[data-paperlens="panel"]');
  await expect(panel).toHaveAttribute('data-paperlens-id', '2502.05172');
  expect(await panel.evaluate((host) => host.previousElementSibling?.matches('h2.citation_title'))).toBe(true);
  // The page's own paper counts, though nothing on it links to it.
  await expect.poll(() => toolbarBadgeText(context)).toBe('1');
});

test('the abstract page of a paper not in the library: who you follow on it, its closest library papers, Save', async ({
  context,
}) => {
  await serveAt(context, `https://arxiv.org/abs/${OUTSIDE.id}`, OUTSIDE_ABSTRACT_PAGE);
  const closest = expectedClosest();
  const [best] = closest;
  expect(best).toBeDefined();

  const page = await context.newPage();
  await page.goto(`https://arxiv.org/abs/${OUTSIDE.id}`);
  const panel = page.locator('[data-paperlens="panel"][data-paperlens-related]');
  await expect(panel).toHaveAttribute('data-paperlens-related', closest.map((c) => c.id).join(','));
  await expect(panel.locator('[data-followed-author]')).toHaveText(['Jan Ludziejewski']);
  await expect(panel).toContainText(`${percent(best?.similarity ?? 0)} similar to “${best?.title}”`);
  await expect(panel.locator('[data-related-id]').first()).toContainText(best?.title ?? '');

  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
});
