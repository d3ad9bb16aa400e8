import { describe, expect, it } from 'vitest';
import { createAuthorMatcher } from '../../lib/library/match';
import { familiesOf, toLibraryPaper } from '../../lib/library/paper';
import { AUTHOR_COLORS, doiKey, type LibraryPaper } from '../../lib/library/schema';
import { readArxivJsonl } from '../../lib/library/sources/arxiv-jsonl';
import { LibraryFileSchema, libraryFileText, parseLibraryFile } from '../../lib/library/sources/library-json';
import { normalizeText } from '../../lib/text/normalize';
import { generateLibrary, libraryFileChunks, type ScaleLibrary, snapshotLines, toLibraryFile } from './generate';

const small = generateLibrary({ papers: 1000 });
const large = generateLibrary({ papers: 2000 });

const share = (papers: readonly LibraryPaper[], test: (paper: LibraryPaper) => boolean) =>
  papers.filter(test).length / papers.length;
const isDoiOnly = (paper: LibraryPaper) => paper.id.startsWith('doi:');
const isOldStyle = (paper: LibraryPaper) => paper.id.includes('/');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
const words = (text: string) => text.split(' ').filter(Boolean);

/** The text as a byte stream in 64 KiB chunks, as a file input gives it. */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 65_536));
      offset += 65_536;
    },
  });
}

async function importSnapshot(library: ScaleLibrary) {
  const result = await readArxivJsonl(streamOf([...snapshotLines(library)].join('\n')), { keep: () => true });
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Papers per followed author id. */
function papersPerAuthor(library: ScaleLibrary): number[] {
  const counts = new Map<string, number>();
  for (const paper of library.papers) {
    for (const id of paper.followedAuthorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return library.authors.map((author) => counts.get(author.id) ?? 0);
}

/** Unit TF-IDF vectors of title and abstract, over the whole library. */
function tfidf(papers: readonly LibraryPaper[]): Map<string, number>[] {
  const docs = papers.map((paper) => words(normalizeText(`${paper.title} ${paper.abstract}`)));
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  return docs.map((doc) => {
    const vector = new Map<string, number>();
    for (const term of doc) vector.set(term, (vector.get(term) ?? 0) + Math.log(docs.length / (df.get(term) ?? 1)));
    const norm = Math.hypot(...vector.values()) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  return dot;
}

describe('generateLibrary', () => {
  it('gives the same library for the same options, and another for another seed', () => {
    const again = generateLibrary({ papers: 1000 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    expect([...snapshotLines(again)]).toEqual([...snapshotLines(small)]);
    const other = generateLibrary({ papers: 1000, seed: 2 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
    expect(other.papers.map((paper) => paper.title)).not.toEqual(small.papers.map((paper) => paper.title));
  });

  it('gives the papers and authors asked for, and refuses impossible options', () => {
    expect(small.papers).toHaveLength(1000);
    expect(small.authors).toHaveLength(500);
    expect(generateLibrary({ papers: 50, authors: 20, seed: 7 }).authors).toHaveLength(20);
    expect(() => generateLibrary({ papers: -1 })).toThrow(RangeError);
    expect(() => generateLibrary({ papers: 10, authors: 0 })).toThrow(RangeError);
  });

  it('is a valid Paperlens library file, the same text as the extension exports', () => {
    const file = toLibraryFile(small);
    expect(LibraryFileSchema.safeParse(file).success).toBe(true);
    const text = [...libraryFileChunks(small)].join('');
    expect(text).toBe(libraryFileText(small, new Date(file.exportedAt)));
    const parsed = parseLibraryFile(text);
    expect(parsed.ok && parsed.records.length).toBe(1000);
  });

  it('writes snapshot records the arXiv JSON Lines importer accepts, giving back the same papers', async () => {
    const result = await importSnapshot(small);
    const arxiv = small.papers.filter((paper) => !isDoiOnly(paper));
    expect(result.lines).toBe(arxiv.length);
    expect(result.kept).toBe(arxiv.length);
    const matcher = createAuthorMatcher(small.authors);
    result.papers.forEach((incoming, i) => {
      const paper = arxiv[i] as LibraryPaper;
      const context = {
        followedAuthorIds: matcher.match(incoming.authors).ids,
        source: 'file' as const,
        at: paper.addedAt,
      };
      expect(toLibraryPaper(incoming, undefined, context)).toEqual(paper);
      expect(incoming.categories[0]).toBe(paper.primaryCategory);
      expect(incoming.categories.length).toBeGreaterThanOrEqual(1);
      expect(incoming.categories.length).toBeLessThanOrEqual(4);
      expect(incoming.updated! >= incoming.date).toBe(true);
    });
    expect(new Set(result.papers.map((paper) => paper.categories.length)).size).toBeGreaterThanOrEqual(3);
  });

  it('records followed authors exactly as the real matcher finds them, never ambiguously', () => {
    const matcher = createAuthorMatcher(large.authors);
    for (const paper of large.papers) {
      const { ids, ambiguous } = matcher.match(paper.authors);
      expect(paper.followedAuthorIds).toEqual(ids);
      expect(ambiguous).toEqual([]);
      expect(paper.authorFamilies).toEqual(familiesOf(paper.authors));
    }
  });
});

describe('the shape of a generated library', () => {
  const { papers, authors } = large;

  it('keys papers uniquely: new-style arXiv ids, ~2% old-style, ~0.5% DOI-only', () => {
    expect(new Set(papers.map((paper) => paper.id)).size).toBe(papers.length);
    expect(share(papers, isDoiOnly)).toBeGreaterThanOrEqual(0.002);
    expect(share(papers, isDoiOnly)).toBeLessThanOrEqual(0.01);
    expect(share(papers, isOldStyle)).toBeGreaterThanOrEqual(0.01);
    expect(share(papers, isOldStyle)).toBeLessThanOrEqual(0.035);
    for (const paper of papers) {
      if (isDoiOnly(paper)) {
        expect(paper.id).toBe(doiKey(paper.doi ?? ''));
        expect([paper.primaryCategory, paper.version, paper.date.slice(4)]).toEqual(['other', null, '-01-01']);
      } else {
        const [, yymm] = /^(?:[a-z-]+\/)?(\d{4})/.exec(paper.id) ?? [];
        expect(yymm).toBe(paper.date.slice(2, 4) + paper.date.slice(5, 7));
        expect(paper.year).toBeGreaterThanOrEqual(isOldStyle(paper) ? 1992 : 2015);
        expect(paper.year).toBeLessThanOrEqual(isOldStyle(paper) ? 2006 : 2026);
        expect(paper.version).toBeGreaterThanOrEqual(1);
        expect(paper.version).toBeLessThanOrEqual(5);
        expect(paper.id).toMatch(isOldStyle(paper) ? /^[a-z-]+\/\d{7}$/ : /^\d{4}\.\d{5}$/);
      }
    }
  });

  it('has more papers each year, and some arXiv papers with a DOI too', () => {
    const inYears = (from: number, to: number) => papers.filter((p) => p.year >= from && p.year <= to).length;
    expect(inYears(2023, 2025)).toBeGreaterThan(2 * inYears(2015, 2017));
    const withDoi = share(
      papers.filter((paper) => !isDoiOnly(paper)),
      (paper) => paper.doi !== null,
    );
    expect(withDoi).toBeGreaterThan(0.05);
    expect(withDoi).toBeLessThan(0.3);
  });

  it('leaves novelty and related papers to the extension, and adds every paper from a file at one time', () => {
    expect(new Set(papers.map((paper) => paper.addedAt)).size).toBe(1);
    for (const paper of papers) {
      expect([paper.novelty, paper.related, paper.sources]).toEqual([null, [], ['file']]);
      expect(paper.date < paper.addedAt).toBe(true);
    }
  });

  it('has unique titles of 6–16 words, a few with LaTeX or letters beyond ASCII', () => {
    expect(new Set(papers.map((paper) => paper.normalizedTitle)).size).toBe(papers.length);
    for (const paper of papers) {
      expect(words(paper.title).length).toBeGreaterThanOrEqual(6);
      expect(words(paper.title).length).toBeLessThanOrEqual(16);
    }
    expect(papers.some((paper) => paper.title.includes('$') && paper.displayTitle !== paper.title)).toBe(true);
    expect(papers.some((paper) => /[^\0-\x7f]/.test(paper.title))).toBe(true);
  });

  it('has abstracts of 120–250 words (only a DOI-only paper may have none)', () => {
    for (const paper of papers) {
      if (!paper.abstract) expect(isDoiOnly(paper)).toBe(true);
      else expect(words(paper.abstract).length).toBeGreaterThanOrEqual(120);
      expect(words(paper.abstract).length).toBeLessThanOrEqual(250);
    }
  });

  it('has author lists of mostly 1–12 names, now and then a collaboration of 30–100', () => {
    const sizes = papers.map((paper) => paper.authors.length);
    expect(median(sizes)).toBeGreaterThanOrEqual(3);
    expect(median(sizes)).toBeLessThanOrEqual(6);
    expect(share(papers, (paper) => paper.authors.length <= 12)).toBeGreaterThan(0.97);
    expect(share(papers, (paper) => paper.authors.length === 1)).toBeGreaterThan(0.01);
    expect(share(papers, (paper) => paper.authors.length >= 30)).toBeGreaterThan(0.002);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    for (const paper of papers) expect(new Set(paper.authors.map(normalizeText)).size).toBe(paper.authors.length);
  });

  it('names no followed author on 10–20% of papers and several on some', () => {
    const none = share(papers, (paper) => paper.followedAuthorIds.length === 0);
    expect(none).toBeGreaterThanOrEqual(0.1);
    expect(none).toBeLessThanOrEqual(0.2);
    expect(share(papers, (paper) => paper.followedAuthorIds.length >= 2)).toBeGreaterThan(0.2);
  });

  it('gives most followed authors papers, about papers/500 × 2 each, a few far more', () => {
    const counts = papersPerAuthor(large);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const expected = (papers.length / authors.length) * 2;
    expect(mean).toBeGreaterThan(expected * 0.6);
    expect(mean).toBeLessThan(expected * 1.5);
    expect(counts.filter((count) => count > 0).length / counts.length).toBeGreaterThan(0.9);
    expect(Math.max(...counts)).toBeGreaterThan(3 * median(counts));
  });

  it('gives followed authors recurring coauthors', () => {
    const counts = papersPerAuthor(large);
    const prolific = authors[counts.indexOf(Math.max(...counts))]!;
    const theirs = papers.filter((paper) => paper.followedAuthorIds.includes(prolific.id));
    const coauthors = new Map<string, number>();
    for (const paper of theirs) for (const name of paper.authors) coauthors.set(name, (coauthors.get(name) ?? 0) + 1);
    const recurring = [...coauthors.values()].filter((count) => count >= 3).length;
    expect(recurring).toBeGreaterThanOrEqual(5);
  });

  it('follows authors with distinct ids and names, some with diacritics or a shared family name', () => {
    expect(new Set(authors.map((author) => author.id)).size).toBe(authors.length);
    expect(new Set(authors.map((author) => normalizeText(author.name))).size).toBe(authors.length);
    for (const author of authors) {
      expect(AUTHOR_COLORS).toContain(author.color);
      expect(author.followedAt < (papers[0]?.addedAt ?? '')).toBe(true);
    }
    const accented = authors.filter((author) => /[^\0-\x7f]/.test(author.name)).length;
    expect(accented / authors.length).toBeGreaterThan(0.05);
    const byFamily = new Map<string, string[]>();
    for (const { name } of authors) {
      const family = normalizeText(name.slice(name.lastIndexOf(' ') + 1));
      byFamily.set(family, [...(byFamily.get(family) ?? []), normalizeText(name).charAt(0)]);
    }
    const shared = [...byFamily.values()].filter((initials) => initials.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(10);
    for (const initials of shared) expect(new Set(initials).size).toBe(initials.length);
  });

  it('mixes arXiv categories like a real library, cs.LG most of all', () => {
    const counts = new Map<string, number>();
    for (const paper of papers) counts.set(paper.primaryCategory, (counts.get(paper.primaryCategory) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([category]) => category);
    expect(ranked[0]).toBe('cs.LG');
    expect(ranked.length).toBeGreaterThanOrEqual(20);
    for (const category of ['cs.CL', 'cs.CV', 'stat.ML', 'hep-th', 'quant-ph']) expect(ranked).toContain(category);
    expect(ranked.some((category) => category.startsWith('astro-ph.'))).toBe(true);
    expect(ranked.some((category) => category.startsWith('cond-mat.'))).toBe(true);
  });

  it('has a few percent of follow-ups that share most title words with an earlier paper', () => {
    const sets = papers.map((paper) => new Set(words(paper.normalizedTitle)));
    const followUps = sets.filter((set, i) =>
      sets.slice(0, i).some((earlier) => {
        const common = [...set].filter((word) => earlier.has(word)).length;
        return common / (set.size + earlier.size - common) >= 0.6;
      }),
    ).length;
    expect(followUps / papers.length).toBeGreaterThan(0.01);
    expect(followUps / papers.length).toBeLessThan(0.06);
  });

  it('makes texts of a topic alike: a paper is far closer to its nearest neighbour than to a random one', () => {
    const vectors = tfidf(small.papers);
    const nearest: number[] = [];
    const random: number[] = [];
    for (let i = 0; i < 200; i++) {
      const v = vectors[i]!;
      nearest.push(Math.max(...vectors.map((other, j) => (j === i ? 0 : cosine(v, other)))));
      random.push(cosine(v, vectors[(i * 7919 + 500) % vectors.length]!));
    }
    expect(median(nearest)).toBeGreaterThan(0.15);
    expect(median(nearest)).toBeGreaterThan(4 * median(random));
  });
});
