import { describe, expect, it } from 'vitest';
import { createPaperCache } from '../../../lib/scan/paper-cache';
import { corpusIds, recordingLookup, summaryOf } from '../../helpers/papers';

const byId = (value: string) => ({ kind: 'id' as const, value });
const byTitle = (value: string) => ({ kind: 'title' as const, value });
const byDoi = (value: string) => ({ kind: 'doi' as const, value });

describe('createPaperCache', () => {
  it('knows nothing until asked, then answers by id and by title, and null for what is not a paper', async () => {
    const { requests, lookup } = recordingLookup({ large: true });
    const cache = createPaperCache(lookup);
    expect(cache.get(byId('2402.07871'))).toBeUndefined();
    const learned = await cache.resolve([byId('2402.07871'), byId('2402.07872'), byTitle('voxtral')]);
    expect(requests).toEqual([
      { ids: ['2402.07871', '2402.07872'], dois: [], titles: ['voxtral'], wholeIfSmall: true },
    ]);
    expect(learned.map((paper) => paper.id).sort()).toEqual(['2402.07871', '2507.13264']);
    expect(cache.get(byId('2402.07871'))?.id).toBe('2402.07871');
    expect(cache.get(byTitle('voxtral'))?.id).toBe('2507.13264');
    expect(cache.get(byId('2402.07872'))).toBeNull();
  });

  it('never asks twice about what it knows, and asks nothing for nothing', async () => {
    const { requests, lookup } = recordingLookup({ large: true });
    const cache = createPaperCache(lookup);
    await cache.resolve([byId('2402.07871'), byId('2402.07871')]);
    await cache.resolve([byId('2402.07871')]);
    await cache.resolve([]);
    expect(requests).toEqual([{ ids: ['2402.07871'], dois: [], titles: [], wholeIfSmall: true }]);
  });

  it('asks for the whole library, when small, with the first lookup only; then knows every paper by id', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup);
    await cache.resolve([byId('2402.07871')]);
    await cache.resolve([byTitle('a title no paper has')]);
    expect(requests[0]).toEqual({ ids: ['2402.07871'], dois: [], titles: [], wholeIfSmall: true });
    expect(requests[1]).toEqual({ ids: [], dois: [], titles: ['a title no paper has'], wholeIfSmall: false });
    expect(cache.known()).toHaveLength(corpusIds.length);
    expect(cache.get(byId('2502.05172'))?.id).toBe('2502.05172');
  });

  it('knows a paper by its DOI once a lookup returned it', async () => {
    const withDoi = { ...summaryOf('2402.07871'), doi: '10.1000/scaling-laws' };
    const requests: unknown[] = [];
    const cache = createPaperCache(async (request) => {
      requests.push(request);
      return { papers: request.dois.includes('10.1000/scaling-laws') ? [withDoi] : [] };
    });
    await cache.resolve([byDoi('10.1000/scaling-laws'), byDoi('10.1000/other')]);
    expect(requests).toEqual([
      { ids: [], dois: ['10.1000/scaling-laws', '10.1000/other'], titles: [], wholeIfSmall: true },
    ]);
    expect(cache.get(byDoi('10.1000/scaling-laws'))?.id).toBe('2402.07871');
    expect(cache.get(byId('2402.07871'))?.id).toBe('2402.07871');
    expect(cache.get(byDoi('10.1000/other'))).toBeNull();
  });

  it('asks again on refresh, and keeps a newer summary put after a save', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup);
    await cache.resolve([byId('2402.07871')]);
    cache.put(summaryOf('2402.07871', true));
    expect(cache.get(byId('2402.07871'))?.saved).toBe(true);
    const fresh = await cache.refresh(['2402.07871']);
    expect(fresh.map((paper) => paper.id)).toEqual(['2402.07871']);
    expect(requests).toHaveLength(2);
    expect(await cache.refresh([])).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('forgets nothing after a failed lookup: the candidates are asked about again', async () => {
    let fail = true;
    const { lookup } = recordingLookup();
    const cache = createPaperCache(async (request) => {
      if (fail) throw new Error('worker unavailable');
      return lookup(request);
    });
    await expect(cache.resolve([byId('2402.07871')])).rejects.toThrow('worker unavailable');
    expect(cache.get(byId('2402.07871'))).toBeUndefined();
    fail = false;
    await cache.resolve([byId('2402.07871')]);
    expect(cache.get(byId('2402.07871'))?.id).toBe('2402.07871');
  });
});
