import { describe, expect, it } from 'vitest';
import { paperPageUrl } from '../../../lib/links/paper-url';
import { isDoiKey, PAPER_KEY } from '../../../lib/paper-key';

describe('paperPageUrl and paper keys', () => {
  it.each([
    [{ id: '2402.07871', doi: null }, 'https://arxiv.org/abs/2402.07871'],
    [{ id: 'hep-th/9901001', doi: null }, 'https://arxiv.org/abs/hep-th/9901001'],
    [{ id: 'doi:10.1000/abc', doi: '10.1000/abc' }, 'https://doi.org/10.1000/abc'],
    [{ id: 'doi:10.1000/abc', doi: null }, 'https://doi.org/10.1000/abc'],
  ])('%j → %s', (paper, url) => {
    expect(paperPageUrl(paper)).toBe(url);
  });

  it('takes arXiv ids of both styles and DOI keys, and nothing else', () => {
    for (const key of ['2402.07871', '0704.0001', 'hep-th/9901001', 'math.AG/0211159', 'doi:10.1000/abc']) {
      expect(PAPER_KEY.test(key), key).toBe(true);
    }
    for (const key of ['2402.787', 'javascript:alert(1)', 'doi:11.1/x', '10.1000/abc', '']) {
      expect(PAPER_KEY.test(key), key).toBe(false);
    }
    expect(isDoiKey('doi:10.1000/abc')).toBe(true);
    expect(isDoiKey('2402.07871')).toBe(false);
  });
});
