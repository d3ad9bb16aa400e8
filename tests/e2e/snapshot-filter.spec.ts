import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openExtensionPage, sendFromPage, test } from './extension';

/** Who wrote record `i` and where it is filed: Jan Ludziejewski on one in five, cs.LG on three in ten. */
function shape(i: number): { jan: boolean; categories: string } {
  const kind = i % 10;
  if (kind === 0) return { jan: true, categories: 'math.CO' };
  if (kind === 1 || kind === 2) return { jan: false, categories: 'cs.LG stat.ML' };
  if (kind === 3) return { jan: true, categories: 'cs.LG' };
  // Near misses: another cs class, and stat.ML without cs.LG.
  return { jan: false, categories: kind < 6 ? 'cs.CL' : 'stat.ML hep-th' };
}

/** A JSON Lines snapshot of `lines` records shaped by {@link shape}. */
function snapshot(lines: number): string {
  const records: string[] = [];
  for (let i = 0; i < lines; i++) {
    const { jan, categories } = shape(i);
    const first = jan ? ['Ludziejewski', 'Jan', ''] : [`Person${i}`, 'A', ''];
    records.push(
      JSON.stringify({
        id: `2212.${10000 + i}`,
        submitter: 'x',
        authors: `${jan ? 'Jan Ludziejewski' : `A. Person${i}`} and Someone Else`,
        title: `Filtered synthetic paper ${i}`,
        comments: null,
        'journal-ref': null,
        doi: null,
        'report-no': null,
        categories,
        license: null,
        abstract: `An abstract for filtered synthetic paper ${i}.`,
        versions: [{ version: 'v1', created: 'Fri, 2 Dec 2022 10:00:00 GMT' }],
        update_date: '2022-12-02',
        authors_parsed: [first, ['Else', 'Someone', '']],
      }),
    );
  }
  return `${records.join('\n')}\n`;
}

const papers = async (page: Page): Promise<number> =>
  JSON.parse(await sendFromPage<string>(page, 'exportLibrary', undefined)).papers.length;

test('a snapshot filtered by category: cs.LG or naming Jan is imported; a filter keeping nothing is refused', async ({
  context,
}) => {
  const page = await openExtensionPage(context, 'library.html');
  const jan = page.locator('[data-paperlens-author="Jan Ludziejewski"]');
  await expect(jan).toContainText('13 papers in the library');
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-snapshot-'));
  const file = join(dir, 'arxiv-metadata-oai-snapshot.json');
  writeFileSync(file, snapshot(300));

  const followed = page.getByLabel('Records naming an author you follow');
  await expect(followed).toBeChecked();
  await expect(page.getByLabel('either')).toHaveCount(0);
  await page.getByLabel('In categories').fill('cs.LG');
  await page.getByLabel('either').check();
  await page.locator('input[type=file]').setInputFiles(file);
  // 30 by Jan elsewhere, 30 by Jan in cs.LG, 60 by others in cs.LG; 180 near misses dropped.
  const preview = page.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('120 papers in “arxiv-metadata-oai-snapshot.json”: 120 new, 0 updated', {
    timeout: 30_000,
  });
  await expect(preview).toContainText('Jan Ludziejewski: 60 papers');
  await expect(preview).toContainText('60 name no author you follow');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden({ timeout: 30_000 });
  expect(await papers(page)).toBe(133);
  await expect(jan).toContainText('73 papers in the library');

  await followed.uncheck();
  await page.getByLabel('In categories').fill('');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText(
    '“arxiv-metadata-oai-snapshot.json”: the snapshot filter keeps no record: tick “Records naming an author you follow” or name categories',
  );
  await expect(preview).toBeHidden();
  expect(await papers(page)).toBe(133);
  await expect(jan).toContainText('73 papers in the library');
  rmSync(dir, { recursive: true, force: true });
});

test('a snapshot read can be cancelled half-way: nothing changes, and the next import is whole', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const page = await openExtensionPage(context, 'library.html');
  const jan = page.locator('[data-paperlens-author="Jan Ludziejewski"]');
  await expect(jan).toContainText('13 papers in the library');
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-snapshot-cancel-'));
  const big = join(dir, 'arxiv-metadata-oai-snapshot.json');
  writeFileSync(big, snapshot(150_000));
  await page.locator('input[type=file]').setInputFiles(big);
  // Reading shows its bytes and the papers handed over so far; Cancel stops the reader where it is.
  await expect(
    page.getByText(/Reading “arxiv-metadata-oai-snapshot\.json”: .* of .*; [1-9]\d* papers handed to Paperlens/),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stopped reading' })).toContainText(
    'Stopped reading “arxiv-metadata-oai-snapshot.json”; nothing was changed.',
  );
  await expect(page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);
  expect(await papers(page)).toBe(13);

  const small = join(dir, 'small-snapshot.json');
  writeFileSync(small, snapshot(300));
  await page.locator('input[type=file]').setInputFiles(small);
  const preview = page.getByRole('region', { name: 'Import preview' });
  // The default filter: the 60 records naming Jan.
  await expect(preview).toContainText('60 papers in “small-snapshot.json”: 60 new, 0 updated', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden({ timeout: 30_000 });
  expect(await papers(page)).toBe(73);
  rmSync(dir, { recursive: true, force: true });
});
