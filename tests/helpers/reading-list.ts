import type { PapersById } from '../../lib/export/facts';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { libraryPapers } from './db';

export const papersById: PapersById = new Map(libraryPapers.map((paper) => [paper.id, paper]));

/** A reading-list entry with defaults for whatever the test does not care about. */
export function entry(fields: Partial<ReadingListEntry> & Pick<ReadingListEntry, 'id'>): ReadingListEntry {
  return {
    title: `arXiv:${fields.id}`,
    savedAt: '2026-01-01T00:00:00.000Z',
    status: 'to-read',
    note: '',
    tags: [],
    source: null,
    inCorpus: false,
    ...fields,
  };
}

/** A title a hostile page could put in a link: every BibTeX, Markdown and CSV special at once. */
export const HOSTILE_TITLE = String.raw`Evil {unbalanced 100% & $x^2$ \cite{y} #1 a_b ~ }} [x](javascript:alert(1)) <img src=x onerror=alert(1)> "q", =SUM(A1)`;

/** All 13 corpus papers saved (one a day, statuses in turn), plus two papers from outside the corpus. */
export const savedList: ReadingListEntry[] = [
  ...libraryPapers.map((paper, index) =>
    entry({
      id: paper.id,
      title: paper.displayTitle,
      savedAt: new Date(Date.UTC(2026, 0, index + 1)).toISOString(),
      status: (['to-read', 'reading', 'read'] as const)[index % 3] ?? 'to-read',
      inCorpus: true,
    }),
  ),
  entry({
    id: '2604.00001',
    title: HOSTILE_TITLE,
    savedAt: '2026-02-01T00:00:00.000Z',
    note: 'Found this via a blog.\n\n# Not a heading\n- not a list\n<script>alert(1)</script> 50% & {braces}',
    tags: ['to cite', 'evil,tag', '=cmd'],
    source: { url: 'https://example.com/blog?a=1&b=(2)', linkText: HOSTILE_TITLE },
  }),
  entry({
    id: 'hep-th/9901001',
    title: 'Large N Limit of Superconformal Field Theories',
    savedAt: '2026-02-01T00:00:00.000Z',
    status: 'read',
  }),
];

/** A deterministic reading-list export of `n` entries: varied titles, a third with notes, some tags. */
export function generateList(n: number, seed = 7): string {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const words = ['sparse', 'mixture', 'experts', 'scaling', 'laws', 'token', 'routing', 'attention', 'graph', 'vision'];
  const pick = () => words[Math.floor(random() * words.length)] as string;
  const entries = Array.from({ length: n }, (_, i) => ({
    id: `${2300 + Math.floor(i / 90_000)}.${String(10_000 + (i % 90_000)).padStart(5, '0')}`,
    title: Array.from({ length: 4 + Math.floor(random() * 8) }, pick).join(' '),
    savedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    status: (['to-read', 'reading', 'read'] as const)[i % 3],
    note: i % 3 === 0 ? Array.from({ length: 20 + Math.floor(random() * 60) }, pick).join(' ') : '',
    tags: i % 4 === 0 ? [pick(), pick()].filter((tag, k, all) => all.indexOf(tag) === k) : [],
    source: null,
    inCorpus: false,
  }));
  return JSON.stringify({
    format: 'paperlens-reading-list',
    version: 1,
    exportedAt: new Date().toISOString(),
    entries,
  });
}
