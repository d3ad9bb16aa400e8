// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WINDOWED_FROM } from '../../components/library/AuthorList';
import { LibraryPage } from '../../components/library/LibraryPage';
import { ARXIV_API_PERMISSION } from '../../lib/library/arxiv-api';
import type { ProfileFigures } from '../../lib/library/schema';
import { libraryFileText } from '../../lib/library/sources/library-json';
import { type LibraryJob, libraryStatus } from '../../lib/library/status';
import type { LibraryPreview } from '../../lib/library/write';
import type { LibraryOverview } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';
import { followedAuthor } from '../helpers/library';

vi.mock('../../lib/messages', () => ({ sendMessage: vi.fn() }));

const PIORO_FEED = new Uint8Array(readFileSync(resolve('tests/fixtures/arxiv-api/pioro-page1.xml')));

const author = followedAuthor;

const PROFILE: ProfileFigures = {
  hIndex: 27,
  citations: null,
  novelty: 0.5,
  aiScore: null,
  papers: 13,
  primaryCategory: null,
  source: { kind: 'file', name: 'ScholarFeed profile', at: '2026-12-03T10:00:00.000Z' },
};

const JAN = author('jan-ludziejewski', 'Jan Ludziejewski', {
  profile: PROFILE,
  sources: [{ kind: 'bundled', name: 'Paperlens', at: '2026-12-01T10:00:00.000Z' }],
});
const MACIEJ = author('maciej-pioro', 'Maciej Pióro', {
  arxivQuery: 'au:Pioro_M',
  refreshedAt: '2026-12-03T10:00:00.000Z',
  sources: [{ kind: 'arxiv', name: 'au:Pioro_M', at: '2026-12-03T10:00:00.000Z' }],
});

const LIBRARY: LibraryOverview = {
  authors: [JAN, MACIEJ],
  paperCounts: { 'jan-ludziejewski': 3, 'maciej-pioro': 2 },
  papers: 3,
  derivedReady: true,
};

const PREVIEW: LibraryPreview = {
  papers: 4,
  added: 2,
  updated: 1,
  unchanged: 1,
  byAuthor: [{ id: 'maciej-pioro', name: 'Maciej Pióro', papers: 4 }],
  noFollowed: 1,
  ambiguous: [
    {
      written: 'J. Ludziejewski',
      candidates: [
        { id: 'jan-ludziejewski', name: 'Jan Ludziejewski' },
        { id: 'maciej-pioro', name: 'Maciej Pióro' },
      ],
      papers: 1,
    },
  ],
  suggestions: [{ name: 'Szymon Antoniak', papers: 2 }],
};

type Handler = (data: never) => unknown;
let handlers: Record<string, Handler>;
const sent = vi.mocked(sendMessage);
const callsOf = (type: string) => sent.mock.calls.filter(([name]) => name === type).map(([, data]) => data);

let container: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => container.querySelector<E>(selector);
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const text = () => container.textContent ?? '';

function button(name: string, within: ParentNode = container): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

function row(name: string): HTMLElement {
  const found = $(`[data-paperlens-author="${name}"]`);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function chooseFile(file: File): void {
  const input = $<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function mount(): Promise<void> {
  render(<LibraryPage />, container);
  await vi.waitFor(() => expect($('[data-paperlens-author]')).not.toBeNull());
}

const granted = (answer: boolean) =>
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => answer);

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  handlers = {
    getLibraryOverview: () => LIBRARY,
    stageLibraryImport: () => ({ staged: 4 }),
    previewLibraryImport: () => PREVIEW,
    commitLibraryImport: () => ({
      added: 2,
      updated: 1,
      unchanged: 1,
      followed: ['Szymon Antoniak'],
      touchedAuthors: [],
    }),
    followOnArxiv: () => ({ authorId: 'maciej-pioro' }),
    refreshFromArxiv: () => ({ queued: 1 }),
    unfollowAuthor: () => ({ removedPapers: 1 }),
    updateFollowedAuthor: () => undefined,
  };
  sent.mockReset();
  sent.mockImplementation((async (name: string, data: never) => {
    const handler = handlers[name];
    if (!handler) throw new Error(`unexpected message ${name}`);
    return handler(data);
  }) as unknown as typeof sendMessage);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

describe('the library page', () => {
  it('lists each followed author in a row named by data-paperlens-author, with papers, sources and last refresh', async () => {
    await mount();
    expect($$('[data-paperlens-author]').map((el) => el.dataset.paperlensAuthor)).toEqual([
      'Jan Ludziejewski',
      'Maciej Pióro',
    ]);
    expect(row('Jan Ludziejewski').textContent).toContain('3 papers in the library');
    expect(row('Jan Ludziejewski').textContent).toContain('Last refresh: never');
    expect(row('Maciej Pióro').textContent).toContain('2 papers in the library');
    expect(row('Maciej Pióro').textContent).toContain('arXiv (au:Pioro_M), Dec 3, 2026');
    expect(text()).toContain('3 papers, 2 followed authors');
    expect($$('nav a').map((a) => a.getAttribute('href'))).toEqual([
      '/insights.html',
      '/reading-list.html',
      '/options.html',
    ]);
  });

  it('shows "Refresh now" only for an author followed on arXiv', async () => {
    await mount();
    expect(() => button('Refresh now', row('Jan Ludziejewski'))).toThrow();
    expect(button('Refresh now', row('Maciej Pióro'))).toBeTruthy();
  });

  it('shows figures the profile does not give as —, never 0', async () => {
    await mount();
    const figures = Object.fromEntries(
      [...row('Jan Ludziejewski').querySelectorAll('dl div')].map((div) => [
        div.querySelector('dt')?.textContent,
        div.querySelector('dd')?.textContent,
      ]),
    );
    expect(figures).toMatchObject({ 'h-index': '27', citations: '—', novelty: '50%', 'AI score': '—' });
    expect(Object.values(figures)).not.toContain('0');
    expect(row('Maciej Pióro').querySelector('dl')).toBeNull();
  });

  it('reads the library again when its revision changes, and shows the jobs', async () => {
    await mount();
    expect(callsOf('getLibraryOverview')).toHaveLength(1);
    const job = (state: LibraryJob['state'], extra: Partial<LibraryJob> = {}): LibraryJob => ({
      authorId: 'maciej-pioro',
      name: 'Maciej Pióro',
      query: 'au:Pioro_M',
      state,
      fetched: 120,
      total: 340,
      added: 0,
      error: null,
      at: '2026-12-03T10:00:00.000Z',
      ...extra,
    });
    await libraryStatus.setValue({ revision: '7', derivedReady: false, jobs: [job('running')], newPapers: [] });
    await vi.waitFor(() => expect(row('Maciej Pióro').textContent).toContain('Fetching from arXiv: 120 of 340 papers'));
    await vi.waitFor(() => expect(callsOf('getLibraryOverview')).toHaveLength(2));

    handlers.getLibraryOverview = () => ({ ...LIBRARY, derivedReady: false });
    await libraryStatus.setValue({ revision: '8', derivedReady: false, jobs: [job('running')], newPapers: [] });
    await vi.waitFor(() => expect(text()).toContain('Working out novelty and coauthors…'));

    await libraryStatus.setValue({
      revision: '8',
      derivedReady: false,
      jobs: [job('failed', { error: 'arXiv did not answer; try again later' })],
      newPapers: [],
    });
    await vi.waitFor(() => expect(row('Maciej Pióro').textContent).toContain('arXiv did not answer; try again later'));
    expect(callsOf('getLibraryOverview')).toHaveLength(3);
    const request = granted(true);
    button('Retry', row('Maciej Pióro')).click();
    expect(request).toHaveBeenCalledWith({ origins: [ARXIV_API_PERMISSION] });
    await vi.waitFor(() => expect(callsOf('refreshFromArxiv')).toEqual([{ ids: ['maciej-pioro'] }]));
  });

  it('draws only the rows in view of a long list, each saying where it stands, and the rest as it scrolls', async () => {
    // happy-dom lays nothing out: a row measures as tall as it would be drawn.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('author-row') ? 120 : 0;
    });
    const rect = HTMLElement.prototype.getBoundingClientRect;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      // The list starts at the top of the page, and moves up as the window scrolls.
      return this.classList.contains('author-list') ? new DOMRect(0, -window.scrollY, 800, 0) : rect.call(this);
    });
    const many = Array.from({ length: 500 }, (_, i) => author(`author-${i}`, `Author ${i}`));
    handlers.getLibraryOverview = () => ({
      ...LIBRARY,
      authors: many,
      paperCounts: Object.fromEntries(many.map((a, i) => [a.id, i])),
    });
    await mount();
    const drawn = $$('[data-paperlens-author]');
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.length).toBeLessThan(WINDOWED_FROM);
    expect(drawn[0]?.dataset.paperlensAuthor).toBe('Author 0');
    expect(drawn[0]?.getAttribute('aria-setsize')).toBe('500');
    expect(drawn[1]?.getAttribute('aria-posinset')).toBe('2');
    // The rows not drawn keep their place: the list is as tall as all of them.
    const list = $('.author-list') as HTMLElement;
    expect(Number.parseFloat(list.style.paddingBottom)).toBeGreaterThan(400 * 100);

    // A progress report redraws the page: still only the rows in view.
    await libraryStatus.setValue({ revision: '1', derivedReady: false, jobs: [], newPapers: [] });
    await vi.waitFor(() => expect(callsOf('getLibraryOverview').length).toBeGreaterThan(1));
    expect($$('[data-paperlens-author]').length).toBeLessThan(WINDOWED_FROM);

    // The row holding focus stays drawn when scrolled away, and the rows in view keep their place below it.
    button('Rename', row('Author 1')).focus();
    window.scrollTo(0, 250 * 120);
    window.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() =>
      expect($$('[data-paperlens-author]').map((el) => el.dataset.paperlensAuthor)).toContain('Author 250'),
    );
    const after = $$('[data-paperlens-author]');
    expect(after.length).toBeLessThan(WINDOWED_FROM);
    expect(after[0]?.dataset.paperlensAuthor).toBe('Author 1');
    expect(list.style.paddingTop).toBe('120px');
    const firstInView = after[1] as HTMLElement;
    const index = Number(firstInView.dataset.index);
    // Its top is where it would be with every row drawn: the rows between are its margin.
    expect(Number.parseFloat(firstInView.style.marginTop)).toBe((index - 2) * 120);
    window.scrollTo(0, 0);
  });

  it(`draws every row of a list of at most ${WINDOWED_FROM} authors`, async () => {
    const some = Array.from({ length: WINDOWED_FROM }, (_, i) => author(`author-${i}`, `Author ${i}`));
    handlers.getLibraryOverview = () => ({ ...LIBRARY, authors: some, paperCounts: {} });
    await mount();
    expect($$('[data-paperlens-author]')).toHaveLength(WINDOWED_FROM);
    expect($('[data-paperlens-author]')?.hasAttribute('aria-setsize')).toBe(false);
  });

  it('asks for arXiv access inside the click, before following', async () => {
    await mount();
    const request = granted(true);
    type($<HTMLInputElement>('.follow-form input') as HTMLInputElement, 'au:Ludziejewski_J');
    await vi.waitFor(() => expect(button('Follow on arXiv').disabled).toBe(false));
    button('Follow on arXiv').click();
    expect(request).toHaveBeenCalledWith({ origins: [ARXIV_API_PERMISSION] });
    await vi.waitFor(() => expect(callsOf('followOnArxiv')).toEqual([{ query: 'au:Ludziejewski_J' }]));
    const followed = sent.mock.invocationCallOrder[sent.mock.calls.findIndex(([name]) => name === 'followOnArxiv')];
    expect(request.mock.invocationCallOrder[0]).toBeLessThan(followed ?? 0);
    await vi.waitFor(() =>
      expect($('[role="status"]')?.textContent).toContain('Following “au:Ludziejewski_J” on arXiv'),
    );
  });

  it('sends nothing when arXiv access is refused, and says nothing was fetched', async () => {
    await mount();
    const request = granted(false);
    type($<HTMLInputElement>('.follow-form input') as HTMLInputElement, 'Maciej Pióro');
    await vi.waitFor(() => expect(button('Follow on arXiv').disabled).toBe(false));
    button('Follow on arXiv').click();
    button('Refresh all').click();
    button('Refresh now', row('Maciej Pióro')).click();
    expect(request).toHaveBeenCalledTimes(3);
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toContain('nothing was fetched'));
    expect(callsOf('followOnArxiv')).toEqual([]);
    expect(callsOf('refreshFromArxiv')).toEqual([]);
  });

  it('previews a file and writes it only when Import is pressed', async () => {
    await mount();
    chooseFile(new File([PIORO_FEED], 'pioro.xml'));
    const preview = await vi.waitFor(() => {
      const region = $('section[aria-label="Import preview"]');
      expect(region?.textContent).toContain('4 papers in “pioro.xml”: 2 new, 1 updated, 1 unchanged');
      return region as HTMLElement;
    });
    const [staged] = callsOf('stageLibraryImport') as { importId: string; papers: unknown[] }[];
    expect(staged?.papers).toHaveLength(4);
    expect(callsOf('previewLibraryImport')).toEqual([
      {
        importId: staged?.importId,
        staged: 4,
        source: 'pioro.xml',
        follow: null,
        decisions: { follow: [], resolved: [] },
        titles: [],
      },
    ]);
    expect(preview.textContent).toContain('Maciej Pióro: 4 papers');
    expect(preview.textContent).toContain('1 names no author you follow (they are badged all the same).');

    // Import waits until the name that could be two people has an answer.
    await vi.waitFor(() => expect(preview.textContent).toContain('Say who each name above is'));
    expect(button('Import', preview).disabled).toBe(true);
    const radio = [...preview.querySelectorAll('label')].find((l) => l.textContent === 'Jan Ludziejewski');
    radio?.querySelector('input')?.click();
    const follow = [...preview.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Follow Szymon'));
    expect(follow?.textContent).toBe('Follow Szymon Antoniak (2 papers)');
    follow?.querySelector('input')?.click();
    const decided = {
      follow: ['Szymon Antoniak'],
      resolved: [{ written: 'J. Ludziejewski', authorId: 'jan-ludziejewski' }],
    };
    await vi.waitFor(() => expect(callsOf('previewLibraryImport').at(-1)).toMatchObject({ decisions: decided }));
    expect(callsOf('commitLibraryImport')).toEqual([]);

    await vi.waitFor(() => expect(button('Import', preview).disabled).toBe(false));
    button('Import', preview).click();
    await vi.waitFor(() =>
      expect($('[role="status"]')?.textContent).toBe('Added 2 papers, updated 1. Now following Szymon Antoniak.'),
    );
    expect(callsOf('commitLibraryImport')).toEqual([
      { importId: staged?.importId, staged: 4, source: 'pioro.xml', follow: null, decisions: decided, titles: [] },
    ]);
    expect($('section[aria-label="Import preview"]')).toBeNull();
  });

  it('writes nothing when the preview is cancelled', async () => {
    await mount();
    chooseFile(new File([PIORO_FEED], 'pioro.xml'));
    await vi.waitFor(() => expect($('section[aria-label="Import preview"]')).not.toBeNull());
    button('Cancel', $('section[aria-label="Import preview"]') as HTMLElement).click();
    await vi.waitFor(() => expect($('section[aria-label="Import preview"]')).toBeNull());
    expect(callsOf('commitLibraryImport')).toEqual([]);
    expect($('[role="status"]')?.textContent).toContain('nothing was changed');
  });

  it("restores a Paperlens library file's authors as they are", async () => {
    await mount();
    const file = libraryFileText({ authors: [MACIEJ], papers: [] }, new Date('2026-12-03T00:00:00Z'));
    chooseFile(new File([file], 'paperlens-library-2026-12-03.json'));
    await vi.waitFor(() => expect(text()).toContain('Restores 1 followed author as the file has them: Maciej Pióro.'));
    expect(callsOf('stageLibraryImport')).toMatchObject([{ papers: [], records: [] }]);
    expect(callsOf('previewLibraryImport')).toMatchObject([
      { authors: [MACIEJ], decisions: { follow: [], resolved: [] } },
    ]);
    expect(callsOf('commitLibraryImport')).toEqual([]);
  });

  it("lists a preview's authors most papers first, the first eight, and folds the rest away", async () => {
    const byAuthor = Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, name: `Author ${i}`, papers: 1 + (i % 4) }));
    handlers.previewLibraryImport = () => ({ ...PREVIEW, byAuthor, ambiguous: [] });
    await mount();
    chooseFile(new File([PIORO_FEED], 'pioro.xml'));
    const lines = await vi.waitFor(() => {
      const shown = $$('section[aria-label="Import preview"] > ul.preview-authors li');
      expect(shown).toHaveLength(8);
      return shown.map((li) => li.textContent);
    });
    expect(lines).toEqual([
      'Author 3: 4 papers',
      'Author 7: 4 papers',
      'Author 10: 3 papers',
      'Author 2: 3 papers',
      'Author 6: 3 papers',
      'Author 1: 2 papers',
      'Author 5: 2 papers',
      'Author 9: 2 papers',
    ]);
    const more = $<HTMLDetailsElement>('details.preview-more-authors');
    expect(more?.open).toBe(false);
    expect(more?.querySelector('summary')?.textContent).toBe('3 more authors');
    const folded = [...(more?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(folded).toEqual(['Author 0: 1 paper', 'Author 4: 1 paper', 'Author 8: 1 paper']);
  });

  it('says a failed import changed nothing', async () => {
    handlers.commitLibraryImport = () => {
      throw new Error('The library could not be written.');
    };
    handlers.previewLibraryImport = () => ({ ...PREVIEW, ambiguous: [] });
    await mount();
    chooseFile(new File([PIORO_FEED], 'pioro.xml'));
    await vi.waitFor(() => expect(button('Import').disabled).toBe(false));
    button('Import').click();
    await vi.waitFor(() =>
      expect($('[role="alert"]')?.textContent).toContain(
        'Could not import “pioro.xml”: The library could not be written. Nothing was changed.',
      ),
    );
  });

  it('refuses a file it cannot import, naming it, without staging anything', async () => {
    await mount();
    chooseFile(new File(['%PDF-1.7\n'], 'paper.pdf'));
    await vi.waitFor(() =>
      expect($('[role="alert"]')?.textContent).toContain('“paper.pdf” is not a file Paperlens can import'),
    );
    expect(callsOf('stageLibraryImport')).toEqual([]);
  });

  it('asks before unfollowing, saying the reading list is never touched', async () => {
    await mount();
    button('Unfollow', row('Maciej Pióro')).click();
    await vi.waitFor(() => expect(row('Maciej Pióro').textContent).toContain('Your reading list is never touched.'));
    expect(callsOf('unfollowAuthor')).toEqual([]);
    button('Yes, unfollow', row('Maciej Pióro')).click();
    await vi.waitFor(() => expect(callsOf('unfollowAuthor')).toEqual([{ id: 'maciej-pioro' }]));
    await vi.waitFor(() => expect($('[role="status"]')?.textContent).toContain('Your reading list is unchanged.'));
  });

  it('renames an author and merges name variants', async () => {
    await mount();
    button('Name variants', row('Maciej Pióro')).click();
    const field = await vi.waitFor(() => {
      const input = row('Maciej Pióro').querySelector<HTMLInputElement>('.inline-editor input');
      if (!input) throw new Error('the editor is not open yet');
      return input;
    });
    expect(field.value).toBe('');
    type(field, 'M. Pioro,  Maciej Pioro , M. Pioro, Maciej Pióro');
    button('Save', row('Maciej Pióro')).click();
    await vi.waitFor(() =>
      expect(callsOf('updateFollowedAuthor')).toEqual([{ id: 'maciej-pioro', variants: ['M. Pioro', 'Maciej Pioro'] }]),
    );
    await vi.waitFor(() => expect(row('Maciej Pióro').querySelector('.inline-editor')).toBeNull());

    button('Rename', row('Maciej Pióro')).click();
    const name = await vi.waitFor(() => {
      const input = row('Maciej Pióro').querySelector<HTMLInputElement>('.inline-editor input');
      if (!input) throw new Error('the editor is not open yet');
      return input;
    });
    expect(name.value).toBe('Maciej Pióro');
    type(name, '  Maciej   Pióro-Kowalski ');
    button('Save', row('Maciej Pióro')).click();
    await vi.waitFor(() =>
      expect(callsOf('updateFollowedAuthor').at(-1)).toEqual({ id: 'maciej-pioro', name: 'Maciej Pióro-Kowalski' }),
    );
    await vi.waitFor(() =>
      expect($('[role="status"]')?.textContent).toBe('Renamed Maciej Pióro to Maciej Pióro-Kowalski.'),
    );
  });
});
