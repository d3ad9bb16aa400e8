// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://blog.example/post"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotatePage } from '../../components/page/annotate-page';
import type { LookupRequest, LookupResponse } from '../../lib/message-schemas';
import type { LibraryFilterMessage } from '../../lib/scan/library-filter';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';
import { OFF_HERE, services } from '../helpers/page-services';
import { corpusFilterMessage, corpusIds, summaryOf } from '../helpers/papers';
import { userClick } from '../helpers/user-events';

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
    expect(page.reportPapers).toHaveBeenCalledWith(expect.arrayContaining(['2402.07871', '2310.15961']), 'links');
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
});
