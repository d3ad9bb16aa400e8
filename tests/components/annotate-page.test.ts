// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://blog.example/post"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotatePage, type PageServices } from '../../components/page/annotate-page';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-model';
import { recordingLookup, titleKeys } from '../helpers/papers';

const OFF_HERE: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['blog.example'] };

function services(initial: Settings) {
  const { requests, lookup } = recordingLookup();
  let listener: ((settings: Settings) => void) | null = null;
  const page: PageServices = {
    lookup,
    titleKeys: vi.fn(async () => titleKeys),
    coauthorNames: vi.fn(async () => []),
    reportPapers: vi.fn(async () => undefined),
    save: vi.fn(async () => undefined),
    unsave: vi.fn(async () => undefined),
    settings: async () => initial,
    watchSettings: (next) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
  };
  const change = (settings: Settings) => listener?.(settings);
  return { page, requests, change };
}

const badgeIds = () =>
  [...document.querySelectorAll('paperlens-badge')].map((host) => host.getAttribute('data-paperlens-id'));

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

  it('on a site switched off asks for nothing and adds nothing, until it is switched back on', async () => {
    const { page, requests, change } = services(OFF_HERE);
    const annotator = await annotatePage(document, page, controller.signal);
    await annotator.scanner.idle();
    expect(badgeIds()).toEqual([]);
    expect(requests).toEqual([]);
    expect(page.titleKeys).not.toHaveBeenCalled();

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
    expect(page.titleKeys).toHaveBeenCalledTimes(1);
  });
});
