// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  abstractPanelAnchor,
  arxivAbstractPageId,
  isArxivListingPage,
  listingEntries,
} from '../../../lib/scan/arxiv-page';

const fixture = (name: string) => {
  document.documentElement.innerHTML = readFileSync(resolve('tests/fixtures/pages', name), 'utf8');
  return document;
};

describe('arXiv page kinds', () => {
  it.each([
    ['https://arxiv.org/abs/2402.07871v2', '2402.07871'],
    ['https://export.arxiv.org/abs/2402.07871', '2402.07871'],
    ['https://arxiv.org/pdf/2402.07871', null],
    ['https://example.com/abs/2402.07871', null],
    ['not a url', null],
  ])('%s is the abstract page of %s', (url, id) => {
    expect(arxivAbstractPageId(url)).toBe(id);
  });

  it.each([
    ['https://arxiv.org/list/cs.LG/new', true],
    ['https://arxiv.org/search/?query=Pioro&searchtype=author', true],
    ['https://www.arxiv.org/list/cs.CL/recent', true],
    ['https://arxiv.org/abs/2402.07871', false],
    ['https://example.com/list/cs.LG/new', false],
  ])('%s is a listing: %s', (url, listing) => {
    expect(isArxivListingPage(url)).toBe(listing);
  });
});

describe('listingEntries', () => {
  it('reads the author lists of a listing page', () => {
    const entries = listingEntries(fixture('arxiv-listing.html'));
    expect(entries.map((entry) => entry.authors)).toEqual([
      ['Jakub Krajewski', 'Jan Ludziejewski', 'Kamil Adamczewski', 'Maciej Pióro'],
      ['Jane Doe', 'M. Pioro', 'Sebastian Jaszczur'],
      ['Alice Smith', 'K. Pioro'],
      ['Alexander H. Liu', 'Kartik Khandelwal', 'Sandeep Subramanian'],
    ]);
    expect(entries[0]?.authorsElement.className).toBe('list-authors');
  });

  it('reads the author lists of a search-results page', () => {
    const entries = listingEntries(fixture('arxiv-search.html'));
    expect(entries.map((entry) => entry.authors)).toEqual([
      ['Jan Ludziejewski', 'Maciej Pióro', 'Jakub Krajewski'],
      ['M. Pioro', 'Michal Krutul', 'Richard Roe'],
      ['Zofia Pioro', 'Richard Roe'],
    ]);
  });
});

describe('abstractPanelAnchor', () => {
  it('is the title heading of an abstract page', () => {
    expect(abstractPanelAnchor(fixture('arxiv-abs.html'))?.matches('h1.title')).toBe(true);
  });
});
