// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThisTab } from '../../components/popup/ThisTab';
import type { TargetTab } from '../../components/popup/target-tab';
import { useThisTabPaper } from '../../components/popup/use-this-tab';
import { sendMessage } from '../../lib/messages';
import { type ReadingListApi, ReadingListClient } from '../../lib/reading-list/client';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { libraryPapers } from '../helpers/db';

vi.mock('../../lib/messages', () => ({ sendMessage: vi.fn() }));
const sent = vi.mocked(sendMessage);

const MOT = libraryPapers.find((paper) => paper.id === '2310.15961');
if (!MOT) throw new Error('the library fixture lacks Mixture of Tokens');

const entry = (id: string, title: string): ReadingListEntry =>
  ({
    id,
    title,
    status: 'to-read',
    note: '',
    tags: [],
    savedAt: '2026-01-01T00:00:00.000Z',
    inCorpus: false,
    source: null,
  }) as ReadingListEntry;

let container: HTMLElement;
/** The reading list as the background holds it. */
let stored: ReadingListEntry[];

function fakeApi(): ReadingListApi {
  return {
    list: async () => stored,
    save: vi.fn(async ({ id, title }) => {
      const saved = entry(id, title ?? `arXiv:${id}`);
      stored = [saved, ...stored];
      return saved;
    }),
    remove: async () => null,
    undo: async () => null,
    entries: async (ids) => stored.filter((e) => ids.includes(e.id)),
    update: vi.fn(async ({ id, ...changes }) => {
      stored = stored.map((e) => (e.id === id ? { ...e, ...changes } : e));
      return { entry: stored.find((e) => e.id === id) as ReadingListEntry, noteConflict: null };
    }),
    import: async () => ({ added: 0, updated: 0, unchanged: 0, notesLeftOut: [], tagsLeftOut: 0 }),
  } as ReadingListApi;
}

function Popup({ tab, client }: { tab: TargetTab; client: ReadingListClient }) {
  const paper = useThisTabPaper(tab);
  return paper ? <ThisTab paper={paper} client={client} /> : <p>no paper</p>;
}

function mount(url: string, title = ''): ReadingListApi {
  const api = fakeApi();
  render(
    <Popup tab={{ id: 3, url, host: new URL(url).hostname, title }} client={new ReadingListClient(api)} />,
    container,
  );
  return api;
}

const section = () => container.querySelector<HTMLElement>('[data-paperlens-tab]');
const heading = () => section()?.querySelector('h2')?.textContent;
const saveButton = () => section()?.querySelector<HTMLButtonElement>('.save-toggle');

describe('This tab in the popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stored = [];
    container = document.createElement('div');
    document.body.append(container);
    sent.mockReset();
    sent.mockImplementation((async (type: string, data: { ids: string[] }) => {
      if (type === 'getPapers') return libraryPapers.filter((paper) => data.ids.includes(paper.id));
      if (type === 'getReadingListEntries') return stored.filter((e) => data.ids.includes(e.id));
      throw new Error(`unexpected message ${type}`);
    }) as unknown as typeof sendMessage);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('names a library paper’s PDF by the library’s title and saves it without a title of its own', async () => {
    const api = mount('https://arxiv.org/pdf/2310.15961v2', '2310.15961v2.pdf');
    await vi.waitFor(() => expect(section()?.textContent).toContain('in your library'));
    expect(section()?.dataset.paperlensTab).toBe('2310.15961');
    expect(heading()).toBe(`This tab: ${MOT.displayTitle}`);
    expect(saveButton()?.getAttribute('aria-pressed')).toBe('false');
    saveButton()?.click();
    await vi.waitFor(() => expect(saveButton()?.getAttribute('aria-pressed')).toBe('true'));
    expect(api.save).toHaveBeenCalledWith({ id: '2310.15961' });
    expect(section()?.querySelector('select')?.value).toBe('to-read');
  });

  it('a paper outside the library takes the abstract page’s title, and is saved under it', async () => {
    const api = mount('https://arxiv.org/abs/2001.08361', '[2001.08361] Scaling Laws for Neural Language Models');
    await vi.waitFor(() => expect(section()?.textContent).toContain('not in your library'));
    expect(heading()).toBe('This tab: Scaling Laws for Neural Language Models');
    saveButton()?.click();
    await vi.waitFor(() => expect(api.save).toHaveBeenCalled());
    expect(api.save).toHaveBeenCalledWith({ id: '2001.08361', title: 'Scaling Laws for Neural Language Models' });
  });

  it('a saved paper shows its entry’s title, status and note, and stores a new status', async () => {
    stored = [{ ...entry('2001.08361', 'Scaling Laws (saved)'), note: 'read §3' }];
    const api = mount('https://export.arxiv.org/pdf/2001.08361v1.pdf', '2001.08361v1.pdf');
    await vi.waitFor(() => expect(section()?.querySelector('select')).not.toBeNull());
    expect(heading()).toBe('This tab: Scaling Laws (saved)');
    expect(section()?.querySelector('textarea')?.value).toBe('read §3');
    const select = section()?.querySelector('select') as HTMLSelectElement;
    select.value = 'read';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(api.update).toHaveBeenCalledWith({ id: '2001.08361', status: 'read' }));
    await vi.waitFor(() => expect(section()?.querySelector('select')?.value).toBe('read'));
  });

  it('names an unknown PDF by its id, and shows nothing for a page without a paper', async () => {
    mount('https://arxiv.org/pdf/1706.03762', 'Attention.pdf');
    await vi.waitFor(() => expect(section()?.textContent).toContain('not in your library'));
    expect(heading()).toBe('This tab: arXiv:1706.03762');
    mount('https://example.org/blog');
    await vi.waitFor(() => expect(container.textContent).toBe('no paper'));
  });
});
