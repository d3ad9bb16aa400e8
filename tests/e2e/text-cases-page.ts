import { readFileSync } from 'node:fs';
import { TEXT_CASES } from '../../lib/links/text-cases';

const CORPUS_IDS = new Set(
  (JSON.parse(readFileSync('data/corpus.json', 'utf8')) as { papers: { id: string }[] }).papers.map((p) => p.id),
);
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Cases the shared text table cannot hold: text that is not the page's prose, and an id that is already a link. */
const PAGE_CASES: { html: string; ids: string[] }[] = [
  { html: 'arXiv:2402.078710 and arXiv:2402.0787', ids: [] },
  { html: '<textarea>arXiv:2402.07871</textarea>', ids: [] },
  { html: '<div contenteditable="true">arXiv:2402.07871</div>', ids: [] },
  { html: '<a href="https://arxiv.org/abs/2402.07871">arxiv.org/abs/2402.07871</a>', ids: ['2402.07871'] },
];

/**
 * A reference list of every row of the shared text table (lib/links/text-cases.ts) and the page cases, one
 * `[data-case]` item each; served by the fixture server as `/text-cases.html` to Chromium and Firefox alike.
 */
export function textCasesPage(): string {
  const items = [...TEXT_CASES.map((row) => escapeHtml(row.text)), ...PAGE_CASES.map((row) => row.html)];
  return `<!doctype html><meta charset="utf-8"><title>References</title><ol>${items
    .map((item) => `<li data-case>${item}</li>`)
    .join('')}</ol>`;
}

/** The badge ids each `[data-case]` item of textCasesPage should end with: its library papers, in order. */
export const TEXT_CASES_EXPECTED: string[][] = [
  ...TEXT_CASES.map((row) => row.ids.filter((id) => CORPUS_IDS.has(id))),
  ...PAGE_CASES.map((row) => row.ids),
];

/** The texts the table's items must still show: Paperlens never changes a page's text. */
export const TEXT_CASES_TEXTS = TEXT_CASES.map((row) => row.text);

/** Runs in the page: the badge ids inside each `[data-case]` item, in document order. */
export function badgesByCase(): string[][] {
  return [...document.querySelectorAll('[data-case]')].map((item) =>
    [...item.querySelectorAll('[data-paperlens="badge"]')].map((host) => host.getAttribute('data-paperlens-id') ?? ''),
  );
}
