import { describe, expect, it, vi } from 'vitest';
import type { LookupResponse, PaperSummary, ReadingListEntry } from '../../lib/message-schemas';
import {
  BADGE_BLUE,
  BADGE_GREY,
  createTabPapers,
  isPdfAddress,
  readTabPaper,
  saveRequestForTab,
  type TabAddressStore,
  type TabPaper,
  tabPaperBadge,
  tabPaperId,
  titleFromTab,
} from '../../lib/tab-paper';

describe('tabPaperId', () => {
  it.each([
    ['https://arxiv.org/pdf/2310.15961', '2310.15961'],
    ['https://arxiv.org/pdf/2310.15961v2', '2310.15961'],
    ['https://arxiv.org/pdf/2310.15961v2.pdf', '2310.15961'],
    ['https://arxiv.org/pdf/2310.15961.pdf#page=3', '2310.15961'],
    ['http://export.arxiv.org/pdf/2310.15961v1', '2310.15961'],
    ['https://www.arxiv.org/pdf/2310.15961', '2310.15961'],
    ['https://browse.arxiv.org/pdf/2310.15961v3.pdf', '2310.15961'],
    ['https://arxiv.org/pdf/hep-th/9901001v2', 'hep-th/9901001'],
    ['https://arxiv.org/ftp/arxiv/papers/2310/2310.15961.pdf', '2310.15961'],
    ['https://arxiv.org/abs/2402.07871v1', '2402.07871'],
    ['https://arxiv.org/html/2402.07871v1', '2402.07871'],
  ])('reads %s as %s', (url, id) => {
    expect(tabPaperId(url)).toBe(id);
  });

  it.each([
    undefined,
    '',
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/pdf/',
    'https://arxiv.org/pdf/2310.159',
    'https://example.org/pdf/2310.15961',
    'https://arxiv.org.evil.example/pdf/2310.15961',
    'chrome://newtab/',
    'not a url',
  ])('finds no paper in %j', (url) => {
    expect(tabPaperId(url)).toBeNull();
  });
});

describe('what a tab’s title says', () => {
  it('tells PDF addresses from others', () => {
    expect(isPdfAddress('https://arxiv.org/pdf/2310.15961v2')).toBe(true);
    expect(isPdfAddress('https://export.arxiv.org/ftp/arxiv/papers/2310/2310.15961.PDF')).toBe(true);
    expect(isPdfAddress('https://arxiv.org/abs/2310.15961')).toBe(false);
    expect(isPdfAddress('nonsense')).toBe(false);
  });

  it('takes an abstract page’s title without its id, and nothing from a PDF or a title Paperlens wrote', () => {
    const abs = 'https://arxiv.org/abs/2402.07871';
    expect(titleFromTab('[2402.07871] Scaling Laws for Fine-Grained MoE', abs)).toBe(
      'Scaling Laws for Fine-Grained MoE',
    );
    expect(titleFromTab(undefined, abs)).toBe('');
    expect(titleFromTab('2310.15961v2.pdf', 'https://arxiv.org/pdf/2310.15961v2.pdf')).toBe('');
    expect(titleFromTab('Some metadata title', 'https://arxiv.org/pdf/2310.15961v2')).toBe('');
    expect(titleFromTab('Mixture of Tokens (arXiv 2310.15961)', 'https://arxiv.org/html/2310.15961')).toBe('');
  });

  it('the save shortcut never saves a PDF’s file name as the title; an abstract page’s title it keeps', () => {
    const url = 'https://arxiv.org/pdf/2001.08361v1.pdf';
    expect(saveRequestForTab({ url, title: '2001.08361v1.pdf' })).toEqual({
      id: '2001.08361',
      title: undefined,
      source: { url, linkText: '' },
    });
    const abs = 'https://arxiv.org/abs/2001.08361';
    expect(saveRequestForTab({ url: abs, title: '[2001.08361] Scaling Laws' })).toEqual({
      id: '2001.08361',
      title: 'Scaling Laws',
      source: { url: abs, linkText: 'Scaling Laws' },
    });
    expect(saveRequestForTab({ url: 'https://example.org/', title: 'x' })).toBeNull();
    expect(saveRequestForTab({ title: 'x' })).toBeNull();
  });
});

describe('tabPaperBadge', () => {
  it('says saved (★) or not (☆), in the library (blue) or not (grey), in words in the tooltip', () => {
    expect(tabPaperBadge({ id: '2310.15961', inLibrary: true, saved: false })).toEqual({
      text: '☆',
      color: BADGE_BLUE,
      title: 'Paperlens · arXiv:2310.15961: in your library, not saved (Alt+Shift+S saves it)',
    });
    expect(tabPaperBadge({ id: '2001.08361', inLibrary: false, saved: true })).toEqual({
      text: '★',
      color: BADGE_GREY,
      title: 'Paperlens · arXiv:2001.08361: not in your library, saved to your reading list',
    });
  });
});

describe('readTabPaper', () => {
  const summary = (id: string, saved: boolean) => ({ id, saved }) as PaperSummary;
  const handlers = (papers: PaperSummary[], saved: string[]) => ({
    lookupPapers: vi.fn(async (): Promise<LookupResponse> => ({ papers })),
    getReadingListEntries: vi.fn(async (data: unknown) =>
      (data as { ids: string[] }).ids.filter((id) => saved.includes(id)).map((id) => ({ id }) as ReadingListEntry),
    ),
  });

  it('asks the library first, and the reading list only for a paper outside it', async () => {
    const library = handlers([summary('2310.15961', true)], []);
    expect(await readTabPaper(library, '2310.15961', {})).toEqual({ id: '2310.15961', inLibrary: true, saved: true });
    expect(library.lookupPapers).toHaveBeenCalledWith({ ids: ['2310.15961'], dois: [], titles: [] }, {});
    expect(library.getReadingListEntries).not.toHaveBeenCalled();
    const outside = handlers([], ['2001.08361']);
    expect(await readTabPaper(outside, '2001.08361', {})).toEqual({ id: '2001.08361', inLibrary: false, saved: true });
    expect(await readTabPaper(outside, '1706.03762', {})).toEqual({ id: '1706.03762', inLibrary: false, saved: false });
  });
});

describe('createTabPapers', () => {
  const PDF = 'https://arxiv.org/pdf/2310.15961v2';
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  function setup(store?: TabAddressStore) {
    const saved = new Set<string>();
    const shown: [number, TabPaper | null][] = [];
    const read = vi.fn(async (id: string) => ({ id, inLibrary: id === '2310.15961', saved: saved.has(id) }));
    const papers = createTabPapers({ read, show: (tabId, paper) => shown.push([tabId, paper]), store });
    return { saved, shown, read, papers };
  }

  it('shows the paper a tab’s address names, once per paper however often the page says where it is', async () => {
    const { shown, read, papers } = setup();
    papers.seen(4, PDF);
    papers.seen(4, PDF);
    papers.seen(4, 'https://arxiv.org/pdf/2310.15961v2#page=2');
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([[4, { id: '2310.15961', inLibrary: true, saved: false }]]);
    papers.seen(4, PDF, true);
    await flush();
    expect(read).toHaveBeenCalledTimes(2);
    expect(papers.url(4)).toBe(PDF);
  });

  it('clears a tab that closes or leaves for a page without a paper, and only a tab that had one', async () => {
    const { shown, papers } = setup();
    papers.seen(4, PDF);
    await flush();
    papers.seen(4, 'https://example.org/');
    papers.clear(4);
    papers.clear(9);
    papers.seen(5, 'https://example.org/');
    expect(shown.slice(1)).toEqual([[4, null]]);
    expect(papers.url(4)).toBeUndefined();
  });

  it('reads again the tabs whose paper the reading list changed', async () => {
    const { saved, shown, papers } = setup();
    papers.seen(1, PDF);
    papers.seen(2, 'https://arxiv.org/abs/2001.08361');
    await flush();
    saved.add('2001.08361');
    await papers.changed(['2001.08361', '1706.03762']);
    expect(shown.at(-1)).toEqual([2, { id: '2001.08361', inLibrary: false, saved: true }]);
    expect(shown).toHaveLength(3);
    saved.add('2310.15961');
    await papers.changed(null);
    expect(shown.slice(3)).toContainEqual([1, { id: '2310.15961', inLibrary: true, saved: true }]);
  });

  it('drops a read answered after its tab moved on', async () => {
    const { shown, read, papers } = setup();
    let answer: (paper: TabPaper) => void = () => {};
    read.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    papers.seen(4, PDF);
    papers.clear(4);
    answer({ id: '2310.15961', inLibrary: true, saved: false });
    await flush();
    // The tab was cleared; the late answer does not bring its paper back.
    expect(shown).toEqual([[4, null]]);
  });

  it('keeps the addresses in its store, so a restarted worker still knows which tab shows which paper', async () => {
    let kept: Record<string, string> = {};
    const store: TabAddressStore = {
      get: async () => kept,
      set: async (addresses) => {
        kept = addresses;
      },
    };
    const first = setup(store);
    first.papers.seen(7, PDF);
    await flush();
    expect(kept).toEqual({ 7: PDF });
    const restarted = setup(store);
    restarted.saved.add('2310.15961');
    await restarted.papers.changed(['2310.15961']);
    expect(restarted.shown).toEqual([[7, { id: '2310.15961', inLibrary: true, saved: true }]]);
  });
});
