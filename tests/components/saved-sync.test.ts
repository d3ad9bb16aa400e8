import { describe, expect, it, vi } from 'vitest';
import { createSavedSync } from '../../components/page/saved-sync';
import type { Scanner } from '../../lib/scan/scanner';
import { summaryOf } from '../helpers/papers';

describe('saved sync', () => {
  it('asks again only about papers that can be saved: a paper known by its DOI never is', async () => {
    const byDoi = { ...summaryOf('2402.07871'), id: 'doi:10.1000/xyz', doi: '10.1000/xyz' };
    const refresh = vi.fn(async (ids: readonly string[]) => ids.map((id) => ({ ...summaryOf(id), saved: true })));
    const scanner = { known: () => [summaryOf('2401.04081'), byDoi], refresh } as unknown as Scanner;
    const changed = vi.fn();
    const sync = createSavedSync(scanner, { changed, signal: new AbortController().signal });
    await sync.refresh(null);
    // The background refuses a lookup naming a DOI key: asking about it would lose the whole answer.
    expect(refresh).toHaveBeenCalledExactlyOnceWith(['2401.04081']);
    expect(changed).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ id: '2401.04081', saved: true }));
  });
});
