import { describe, expect, it } from 'vitest';
import { createCorpusIndex } from '../../../lib/scan/candidates';
import { createPaperCache } from '../../../lib/scan/paper-cache';
import { corpusKeys, recordingLookup, summaryOf } from '../../helpers/papers';

const index = createCorpusIndex(corpusKeys);
const byId = (value: string) => ({ kind: 'id' as const, value });
const byTitle = (value: string) => ({ kind: 'title' as const, value });

describe('createPaperCache', () => {
  it('knows nothing until asked, then answers by id and by title, and null for what is not a paper', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup, () => null);
    expect(cache.get(byId('2402.07871'))).toBeUndefined();
    const learned = await cache.resolve([byId('2402.07871'), byId('2402.07872'), byTitle('voxtral')]);
    expect(requests).toEqual([{ ids: ['2402.07871', '2402.07872'], titles: ['voxtral'] }]);
    expect(learned.map((paper) => paper.id).sort()).toEqual(['2402.07871', '2507.13264']);
    expect(cache.get(byId('2402.07871'))?.id).toBe('2402.07871');
    expect(cache.get(byTitle('voxtral'))?.id).toBe('2507.13264');
    expect(cache.get(byId('2402.07872'))).toBeNull();
  });

  it('never asks twice about what it knows, and asks nothing for nothing', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup, () => null);
    await cache.resolve([byId('2402.07871'), byId('2402.07871')]);
    await cache.resolve([byId('2402.07871')]);
    await cache.resolve([]);
    expect(requests).toEqual([{ ids: ['2402.07871'], titles: [] }]);
  });

  it('asks for the whole small corpus with the first lookup, and only the first', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup, () => index);
    await cache.resolve([byId('2402.07871')]);
    await cache.resolve([byTitle('a title no paper has')]);
    expect([...(requests[0]?.ids ?? [])].sort()).toEqual([...corpusKeys.ids].sort());
    expect(requests[1]).toEqual({ ids: [], titles: ['a title no paper has'] });
    expect(cache.known()).toHaveLength(corpusKeys.ids.length);
  });

  it('looks up extra ids with the candidates', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup, () => null);
    await cache.resolve([], ['2401.04081']);
    expect(requests).toEqual([{ ids: ['2401.04081'], titles: [] }]);
  });

  it('asks again on refresh, and keeps a newer summary put after a save', async () => {
    const { requests, lookup } = recordingLookup();
    const cache = createPaperCache(lookup, () => null);
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
    const cache = createPaperCache(
      async (request) => {
        if (fail) throw new Error('worker unavailable');
        return lookup(request);
      },
      () => null,
    );
    await expect(cache.resolve([byId('2402.07871')])).rejects.toThrow('worker unavailable');
    expect(cache.get(byId('2402.07871'))).toBeUndefined();
    fail = false;
    await cache.resolve([byId('2402.07871')]);
    expect(cache.get(byId('2402.07871'))?.id).toBe('2402.07871');
  });
});
