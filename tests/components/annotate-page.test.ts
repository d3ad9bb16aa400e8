// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://blog.example/post"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotatePage, type PageServices } from '../../components/page/annotate-page';
import type { ListingAuthorsResponse, LookupRequest, LookupResponse } from '../../lib/message-schemas';
import type { LibraryFilterMessage } from '../../lib/scan/library-filter';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { corpusFilterMessage, corpusIds, recordingLookup, summaryOf } from '../helpers/papers';
import { userClick } from '../helpers/user-events';

const JAN = { id: 'jan-ludziejewski', name: 'Jan Ludziejewski', color: '#1f5fbf' };
const pioro: ListingAuthorsResponse = {
  entries: [{ followed: [], coauthors: [{ name: 'Maciej Pióro', sharedPapers: 7, of: JAN }], inLibrary: false }],
};
const OFF_HERE: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['blog.example'] };

function services(initial: Settings) {
  const { requests, lookup } = recordingLookup();
  let listener: ((settings: Settings) => void) | null = null;
  let readingListListener: ((ids: readonly string[] | null) => void) | null = null;
  const page: PageServices = {
    lookup,
    libraryFilter: vi.fn(async () => corpusFilterMessage),
    listingAuthors: vi.fn(async ({ entries }) => ({
      entries: entries.map(() => ({ followed: [], coauthors: [], inLibrary: false })),
    })),
    reportPapers: vi.fn(async () => undefined),
    save: vi.fn(async () => undefined),
    unsave: vi.fn(async () => null),
    undoRemove: vi.fn(async () => null),
    settings: async () => initial,
    watchSettings: (next) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
    watchReadingList: (next) => {
      readingListListener = next;
      return () => {
        readingListListener = null;
      };
    },
  };
  const change = (settings: Settings) => listener?.(settings);
  const readingListChanged = (ids: readonly string[] | null = null) => readingListListener?.(ids);
  const listening = () => readingListListener !== null;
  return { page, requests, change, readingListChanged, listening };
}

const badgeIds = () =>
  [...document.querySelectorAll('[data-paperlens="badge"]')].map((host) => host.getAttribute('data-paperlens-id'));

describe('annotatePage', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.innerHTML =
      '<p><a href="https://arxiv.org/abs/2402.07871">by id</a> and <a href="https://example.com/x">Mixture of Tokens: Continuous MoE through Cross-Example Aggregation</a> and <a href="https://example.com/y">a post</a></p>';
  });
  afterEach(() => controller.abort());

  it('badges the corpus links of an enabled page, with one lookup', async () => {
    const { page, requests } = services(DEFAULT_SETTINGS);
    const annotator = await annotatePage(document, page, controller.signal);
    await annotator.scanner.idle();
    expect(badgeIds()).toEqual(['2402.07871', '2310.15961']);
    expect(requests).toHaveLength(1);
    expect(page.reportPapers).toHaveBeenCalledWith(expect.arrayContaining(['2402.07871', '2310.15961']));
  });

  it('asks again whether the papers it knows are saved when the reading list changes elsewhere', async () => {
    const { page, readingListChanged, listening } = services(DEFAULT_SETTINGS);
    const saved = new Set<string>();
    page.lookup = async (request) => ({
      papers: corpusIds
        .filter((id) => request.wholeIfSmall || request.ids.includes(id))
        .map((id) => summaryOf(id, saved.has(id))),
    });
    const lookups = vi.spyOn(page, 'lookup');
    const annotator = await annotatePage(document, page, controller.signal);
    await annotator.scanner.idle();
    const savedState = () =>
      Object.fromEntries([...annotator.scanner.linked().values()].map((paper) => [paper.id, paper.saved]));
    expect(savedState()).toEqual({ '2402.07871': false, '2310.15961': false });

    // Saved in the popup, say: one on this page, one the page does not link to yet.
    saved.add('2402.07871');
    saved.add('2401.04081');
    readingListChanged();
    await vi.waitFor(() => expect(savedState()).toEqual({ '2402.07871': true, '2310.15961': false }));
    // One question, about every paper the page knows.
    expect([...(lookups.mock.calls.at(-1)?.[0].ids ?? [])].sort()).toEqual([...corpusIds].sort());
    // A link the feed adds next is badged at once, with what is true now.
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2401.04081">later</a>');
    await Promise.resolve();
    expect(savedState()).toEqual({ '2402.07871': true, '2310.15961': false, '2401.04081': true });

    expect(listening()).toBe(true);
    controller.abort();
    expect(listening()).toBe(false);
  });

  it('asks nothing when the reading list changed only for papers this page does not know', async () => {
    const { page, readingListChanged } = services(DEFAULT_SETTINGS);
    const annotator = await annotatePage(document, page, controller.signal);
    await annotator.scanner.idle();
    const lookups = vi.spyOn(page, 'lookup');
    readingListChanged(['1706.03762']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lookups).not.toHaveBeenCalled();
    readingListChanged(['2402.07871']);
    await vi.waitFor(() => expect(lookups).toHaveBeenCalledWith({ ids: ['2402.07871'], dois: [], titles: [] }));
  });

  it('an answer about the saved state that a save of its own overtook is dropped', async () => {
    const { page, readingListChanged } = services(DEFAULT_SETTINGS);
    const annotator = await annotatePage(document, page, controller.signal);
    await annotator.scanner.idle();
    // The reading list changes elsewhere; the answer (not saved) is slow to come.
    let answer: () => void = () => {};
    page.lookup = vi.fn(
      (request: LookupRequest) =>
        new Promise<LookupResponse>((resolve) => {
          answer = () => resolve({ papers: request.ids.map((id) => summaryOf(id, false)) });
        }),
    );
    readingListChanged();
    await vi.waitFor(() => expect(page.lookup).toHaveBeenCalled());
    // Meanwhile the user saves from the badge's card on this page.
    const badge = document.querySelector('[data-paperlens="badge"][data-paperlens-id="2402.07871"]');
    userClick(badge?.shadowRoot?.querySelector('button') as HTMLButtonElement);
    const save = () => document.querySelector('[data-paperlens="card"]')?.shadowRoot?.querySelector('.save');
    userClick(save() as HTMLButtonElement);
    await vi.waitFor(() => expect(save()?.getAttribute('aria-pressed')).toBe('true'));
    answer();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(save()?.getAttribute('aria-pressed')).toBe('true');
    expect(annotator.scanner.known().find((paper) => paper.id === '2402.07871')?.saved).toBe(true);
  });

  it('on a site switched off asks for nothing and adds nothing, until it is switched back on', async () => {
    const { page, requests, change } = services(OFF_HERE);
    const annotator = await annotatePage(document, page, controller.signal);
    await annotator.scanner.idle();
    expect(badgeIds()).toEqual([]);
    expect(requests).toEqual([]);
    expect(page.libraryFilter).not.toHaveBeenCalled();

    // Links added while switched off are found once it is switched on.
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/pdf/2401.04081v2">late</a>');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(badgeIds()).toEqual([]);

    change(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(badgeIds()).toEqual(['2402.07871', '2310.15961', '2401.04081']));
    await annotator.scanner.idle();
    expect(requests).toHaveLength(1);

    change(OFF_HERE);
    await vi.waitFor(() => expect(badgeIds()).toEqual([]));
    change(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(badgeIds()).toEqual(['2402.07871', '2310.15961', '2401.04081']));
    expect(page.libraryFilter).toHaveBeenCalledTimes(1);
  });

  it('stays off when switched off while it was still asking for the corpus titles', async () => {
    const { page, requests, change } = services(DEFAULT_SETTINGS);
    let release: (filter: LibraryFilterMessage) => void = () => {};
    page.libraryFilter = vi.fn(() => new Promise<LibraryFilterMessage>((resolve) => (release = resolve)));
    const annotating = annotatePage(document, page, controller.signal);
    await vi.waitFor(() => expect(page.libraryFilter).toHaveBeenCalled());
    change(OFF_HERE);
    release(corpusFilterMessage);
    const annotator = await annotating;
    await annotator.scanner.idle();
    expect(badgeIds()).toEqual([]);
    expect(requests).toEqual([]);
    change(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(badgeIds()).toEqual(['2402.07871', '2310.15961']));
  });

  it('on an arXiv listing, coauthor chips are never doubled however fast the site is switched', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://arxiv.org/list/cs.LG/new',
    );
    document.body.innerHTML =
      '<dl><dd><div class="list-authors"><a href="/a/pioro_m_1">Maciej Pióro</a>, <a href="/a/x">Someone Else</a></div></dd></dl>';
    const { page, change } = services(DEFAULT_SETTINGS);
    const pending: ((answer: ListingAuthorsResponse) => void)[] = [];
    page.listingAuthors = vi.fn(() => new Promise<ListingAuthorsResponse>((resolve) => pending.push(resolve)));
    const chips = () =>
      [...document.querySelectorAll('[data-paperlens="coauthor"]')].map((chip) =>
        chip.getAttribute('data-paperlens-coauthor'),
      );

    void annotatePage(document, page, controller.signal);
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    change({ ...DEFAULT_SETTINGS, disabledSites: ['arxiv.org'] });
    change(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    for (const resolve of pending) resolve(pioro);
    await vi.waitFor(() => expect(chips()).toEqual(['Maciej Pióro']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chips()).toEqual(['Maciej Pióro']);

    // Switched off while the names are on their way: no chips at all.
    change({ ...DEFAULT_SETTINGS, disabledSites: ['arxiv.org'] });
    expect(chips()).toEqual([]);
    change(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(pending).toHaveLength(3));
    change({ ...DEFAULT_SETTINGS, disabledSites: ['arxiv.org'] });
    pending[2]?.(pioro);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chips()).toEqual([]);
  });
});
