// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://openreview.net/forum?id=abc"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotatePaperPage } from '../../components/page/annotate-paper';
import type { ListingAuthorsResponse, RelatePaperResponse } from '../../lib/message-schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';
import { services } from '../helpers/page-services';
import { userClick } from '../helpers/user-events';

const JAN = { id: 'jan-ludziejewski', name: 'Jan Ludziejewski', color: '#1f5fbf' };
const pioro: ListingAuthorsResponse = {
  entries: [
    {
      followed: [],
      coauthors: [{ name: 'Maciej Pióro', sharedPapers: 7, of: JAN }],
      moreCoauthorsOf: 0,
      inLibrary: false,
    },
  ],
};
const MOT = 'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation';

/**
 * IntersectionObserver as the tests drive it (happy-dom lays nothing out): an observed element is reported near
 * when `isNear` says so, at the next tick and again at each `scrolled`.
 */
let isNear: (element: Element) => boolean = () => true;
const observers = new Set<FakeIntersectionObserver>();
class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  #queued = false;
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    observers.add(this);
  }
  observe(target: Element) {
    this.targets.add(target);
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.report();
    });
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
    observers.delete(this);
  }
  report() {
    const entries = [...this.targets].map((target) => ({ target, isIntersecting: isNear(target) }));
    if (entries.length) this.callback(entries);
  }
}
/** The reader scrolled: `near` is what is near the viewport now. */
function scrolled(near: (element: Element) => boolean) {
  isNear = near;
  for (const observer of observers) observer.report();
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const panels = () => [...document.querySelectorAll('[data-paperlens="panel"]')] as HTMLElement[];
const panelText = (host: Element) => host.shadowRoot?.textContent ?? '';

describe('annotatePaperPage', () => {
  let controller: AbortController;
  beforeEach(() => {
    isNear = () => true;
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    controller = new AbortController();
    setUrl('https://openreview.net/forum?id=abc');
    document.head.innerHTML = '';
  });
  afterEach(() => {
    controller.abort();
    vi.unstubAllGlobals();
  });

  it('puts a library paper’s panel under the title of a page whose metadata names it, and counts it', async () => {
    document.head.innerHTML = `<meta name="citation_title" content="${MOT}">`;
    document.body.innerHTML = `<main><h1>Forum</h1><h2 class="citation_title">${MOT}</h2><p>Reviews…</p></main>`;
    const { page, requests } = services(DEFAULT_SETTINGS);
    await annotatePaperPage(document, page, controller.signal);
    const [panel] = panels();
    expect(panel?.getAttribute('data-paperlens-id')).toBe('2310.15961');
    expect(panel?.previousElementSibling?.localName).toBe('h2');
    expect(panelText(panel as Element)).toContain(MOT);
    expect(requests).toHaveLength(1);
    expect(page.reportPapers).toHaveBeenCalledWith(['2310.15961'], 'page');
  });

  it('shows nothing and asks nothing on a page that is no paper', async () => {
    document.head.innerHTML = '<meta property="og:title" content="My holiday photos, part two">';
    document.body.innerHTML = '<h1>My holiday photos, part two</h1>';
    const { page, requests } = services(DEFAULT_SETTINGS);
    await annotatePaperPage(document, page, controller.signal);
    expect(panels()).toEqual([]);
    expect(requests).toEqual([]);
    expect(page.relate).not.toHaveBeenCalled();
  });

  it('on the abstract page of a paper not in the library, shows how it relates, and saves it under its title', async () => {
    setUrl('https://arxiv.org/abs/1706.03762v7');
    document.body.innerHTML = `<div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>Attention Is All You Need</h1>
      <div class="authors"><span class="descriptor">Authors:</span><a href="/a/v">Ashish Vaswani</a>, <a href="/a/s">Noam Shazeer</a></div>
      <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span> The dominant sequence transduction models…</blockquote></div>`;
    const related: RelatePaperResponse = {
      inLibrary: false,
      saved: false,
      followed: [JAN],
      closest: [
        {
          id: '2402.07871',
          title: 'Scaling Laws for Fine-Grained Mixture of Experts',
          similarity: 0.91,
          authors: ['Jan'],
        },
        { id: '2310.15961', title: MOT, similarity: 0.4, authors: ['Szymon'] },
      ],
      novelty: { similarity: 0.91, closestId: '2402.07871' },
    };
    const { page, readingListChanged } = services(DEFAULT_SETTINGS);
    page.relate = vi.fn(async () => related);
    await annotatePaperPage(document, page, controller.signal);
    expect(page.relate).toHaveBeenCalledWith({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      abstract: 'The dominant sequence transduction models…',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
    });
    const [panel] = panels();
    expect(panel?.getAttribute('data-paperlens-related')).toBe('2402.07871,2310.15961');
    expect(panel?.previousElementSibling?.matches('h1.title')).toBe(true);
    expect(panelText(panel as Element)).toContain(
      'Novelty 9%: 91% similar to “Scaling Laws for Fine-Grained Mixture of Experts”.',
    );
    expect(panelText(panel as Element)).toContain('Jan Ludziejewski');

    const save = panel?.shadowRoot?.querySelector('button.save') as HTMLButtonElement;
    save.click(); // a page's script: ignored
    expect(page.saveOther).not.toHaveBeenCalled();
    userClick(save);
    await vi.waitFor(() =>
      expect(panel?.shadowRoot?.querySelector('button.save')?.getAttribute('aria-pressed')).toBe('true'),
    );
    expect(page.saveOther).toHaveBeenCalledWith(
      '1706.03762',
      'Attention Is All You Need',
      'https://arxiv.org/abs/1706.03762v7',
    );

    // Removed elsewhere (the popup): the panel follows.
    page.relate = vi.fn(async () => ({ ...related, saved: false }));
    readingListChanged(['1706.03762']);
    await vi.waitFor(() =>
      expect(panels()[0]?.shadowRoot?.querySelector('button.save')?.getAttribute('aria-pressed')).toBe('false'),
    );
  });

  it('says “nothing like it” when no library paper is close', async () => {
    setUrl('https://arxiv.org/abs/1706.03762');
    document.body.innerHTML = '<div id="abs"><h1 class="title">A paper about birds</h1></div>';
    const { page } = services(DEFAULT_SETTINGS);
    await annotatePaperPage(document, page, controller.signal);
    expect(panelText(panels()[0] as Element)).toContain('Nothing like it among the papers you follow.');
    expect(panels()[0]?.getAttribute('data-paperlens-related')).toBe('');
  });

  it('takes its panel away when the site is switched off, and puts it back when switched on', async () => {
    document.head.innerHTML = `<meta name="citation_title" content="${MOT}">`;
    document.body.innerHTML = `<h1>${MOT}</h1>`;
    const { page, change } = services(DEFAULT_SETTINGS);
    await annotatePaperPage(document, page, controller.signal);
    expect(panels()).toHaveLength(1);
    change({ ...DEFAULT_SETTINGS, disabledSites: ['openreview.net'] });
    expect(panels()).toHaveLength(0);
    change(DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(panels()).toHaveLength(1));
  });

  it('on an arXiv listing, coauthor chips are never doubled however fast the site is switched', async () => {
    setUrl('https://arxiv.org/list/cs.LG/new');
    document.body.innerHTML =
      '<dl><dd><div class="list-authors"><a href="/a/pioro_m_1">Maciej Pióro</a>, <a href="/a/x">Someone Else</a></div></dd></dl>';
    const { page, change } = services(DEFAULT_SETTINGS);
    const pending: ((answer: ListingAuthorsResponse) => void)[] = [];
    page.listingAuthors = vi.fn(() => new Promise<ListingAuthorsResponse>((resolve) => pending.push(resolve)));
    const chips = () =>
      [...document.querySelectorAll('[data-paperlens="coauthor"]')].map((chip) =>
        chip.getAttribute('data-paperlens-coauthor'),
      );

    void annotatePaperPage(document, page, controller.signal);
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

  it('on an arXiv listing, builds the chips off the page and inserts them in one go, reading layout before', async () => {
    setUrl('https://arxiv.org/list/cs.LG/new');
    const entry = (i: number) =>
      `<dt><a href="/abs/2405.0000${i}">arXiv:2405.0000${i}</a></dt><dd><div class="list-authors"><a href="/a/p">Maciej Pióro</a></div></dd>`;
    document.body.innerHTML = `<dl>${[1, 2, 3, 4, 5].map(entry).join('')}</dl>`;
    const { page } = services(DEFAULT_SETTINGS);
    const [match] = pioro.entries;
    page.listingAuthors = vi.fn(async ({ entries }) => ({ entries: entries.map(() => match!) }));
    // Every mutation batch that brought chips, and whether layout was read after the first chip entered the page.
    const batches: number[] = [];
    let readAfterInsert = false;
    const observer = new MutationObserver((records) => {
      const chips = records
        .flatMap((r) => [...r.addedNodes])
        .filter((n) => (n as Element).matches?.('[data-paperlens="coauthor"]'));
      if (chips.length) batches.push(chips.length);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const computed = window.getComputedStyle.bind(window);
    const spy = vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      if (document.querySelector('[data-paperlens="coauthor"]')) readAfterInsert = true;
      return computed(element, pseudo);
    });
    void annotatePaperPage(document, page, controller.signal);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-paperlens="coauthor"]')).toHaveLength(5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    spy.mockRestore();
    expect(batches).toEqual([5]);
    expect(readAfterInsert).toBe(false);
  });

  it('on a long arXiv listing, chips go in as their entries come near the viewport, each batch in one go', async () => {
    setUrl('https://arxiv.org/list/cs.LG/new');
    const entry = (i: number) =>
      `<dt><a href="/abs/2405.0000${i}">arXiv:2405.0000${i}</a></dt><dd><div class="list-authors" data-n="${i}"><a href="/a/p">Maciej Pióro</a></div></dd>`;
    document.body.innerHTML = `<dl>${[1, 2, 3, 4, 5, 6].map(entry).join('')}</dl>`;
    const { page, change } = services(DEFAULT_SETTINGS);
    const [match] = pioro.entries;
    page.listingAuthors = vi.fn(async ({ entries }) => ({ entries: entries.map(() => match!) }));
    const batches: string[][] = [];
    const observer = new MutationObserver((records) => {
      const added = records
        .flatMap((r) => [...r.addedNodes])
        .filter((n) => (n as Element).matches?.('[data-paperlens="coauthor"]'))
        .map((n) => (n as Element).parentElement?.getAttribute('data-n') ?? '?');
      if (added.length) batches.push(added);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const n = (element: Element) => Number(element.getAttribute('data-n'));
    isNear = (element) => n(element) <= 2;

    void annotatePaperPage(document, page, controller.signal);
    await vi.waitFor(() => expect(batches).toEqual([['1', '2']]));
    scrolled((element) => n(element) <= 5);
    await vi.waitFor(() =>
      expect(batches).toEqual([
        ['1', '2'],
        ['3', '4', '5'],
      ]),
    );
    // Back up: entries already given chips get no second ones.
    scrolled(() => true);
    await vi.waitFor(() => expect(batches).toEqual([['1', '2'], ['3', '4', '5'], ['6']]));
    expect(document.querySelectorAll('[data-paperlens="coauthor"]')).toHaveLength(6);

    // Switched off: the chips go, and scrolling brings none back.
    change({ ...DEFAULT_SETTINGS, disabledSites: ['arxiv.org'] });
    expect(document.querySelectorAll('[data-paperlens="coauthor"]')).toHaveLength(0);
    scrolled(() => true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    expect(document.querySelectorAll('[data-paperlens="coauthor"]')).toHaveLength(0);
    expect(batches).toHaveLength(3);
  });

  it('on an arXiv listing, counts the followed authors whose coauthors the answer does not name', async () => {
    setUrl('https://arxiv.org/list/cs.LG/new');
    document.body.innerHTML =
      '<dl><dd><div class="list-authors"><a href="/a/pioro_m_1">Maciej Pióro</a>, <a href="/a/x">Someone Else</a></div></dd></dl>';
    const { page } = services(DEFAULT_SETTINGS);
    const [entry] = pioro.entries;
    page.listingAuthors = vi.fn(async () => ({ entries: [{ ...entry!, moreCoauthorsOf: 4 }] }));
    void annotatePaperPage(document, page, controller.signal);
    const host = await vi.waitFor(() => {
      const found = document.querySelector('[data-paperlens="coauthor"]');
      expect(found).not.toBeNull();
      return found!;
    });
    const labels = [...host.shadowRoot!.querySelectorAll('.chip')].map((chip) => chip.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Paperlens: Coauthor of Jan Ludziejewski: Maciej Pióro',
      'Paperlens: Also coauthors of 4 more people you follow',
    ]);
    expect(host.getAttribute('data-paperlens-coauthor')).toBe('Maciej Pióro');
  });
});
