// @vitest-environment happy-dom
import { createRef, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResultList } from '../../components/popup/ResultList';
import type { LibrarySearch } from '../../components/popup/use-library-search';
import { summarize } from '../../lib/corpus/lookup';
import type { SearchHit } from '../../lib/message-schemas';
import { libraryPapers } from '../helpers/db';

const context = { authors: new Map(), sharedPapers: new Map(), saved: new Set<string>(), titles: new Map() };
const TOTAL = 50_000;

/** A search of TOTAL results whose first page has arrived; `reads` counts the positions anyone looked up. */
function searchOf(): { search: LibrarySearch; reads: { count: number } } {
  const reads = { count: 0 };
  const hits: (SearchHit | undefined)[] = libraryPapers.map((paper) => ({
    paper: summarize(paper, context),
    score: 1,
    terms: [],
  }));
  hits.length = TOTAL;
  const counted = new Proxy(hits, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
      return Reflect.get(target, key, receiver);
    },
  });
  const search = { total: TOTAL, hits: counted, facets: { categories: [], years: [] }, error: null, pending: false };
  return { search: { ...search, need: () => {} }, reads };
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  container.className = 'panel';
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the popup result list', () => {
  it('draws a window of a long list, and lays the list out again only when its results change', () => {
    const { search, reads } = searchOf();
    const list = (saved: boolean, shown = search) => (
      <ResultList
        search={shown}
        authorId={null}
        isSaved={() => saved}
        isNew={() => false}
        toggleSave={() => {}}
        listRef={createRef()}
        scrollToRef={createRef()}
        onKeyDown={() => {}}
      />
    );
    render(list(false), container);
    const rows = container.querySelectorAll('.results > li');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    // Laying out 50,000 rows looks every position up; drawing the window looks up a few dozen.
    expect(reads.count).toBeGreaterThanOrEqual(TOTAL);
    // The parent redrawn (a save elsewhere changes isSaved): the same results, no new layout.
    reads.count = 0;
    render(list(true), container);
    render(list(false), container);
    expect(reads.count).toBeLessThan(500);
    // New results (a page arrived, another query): laid out again.
    const next = searchOf();
    render(list(false, next.search), container);
    expect(next.reads.count).toBeGreaterThanOrEqual(TOTAL);
  });
});
