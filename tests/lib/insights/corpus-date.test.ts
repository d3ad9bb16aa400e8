import { describe, expect, it } from 'vitest';
import { corpusDate } from '../../../lib/insights/corpus-date';
import { libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const papers = libraryPapers;

describe('corpusDate', () => {
  it('is the newest paper’s date', () => {
    expect(corpusDate(papers)).toBe('2026-03-26');
    expect(corpusDate([])).toBeNull();
  });
});
