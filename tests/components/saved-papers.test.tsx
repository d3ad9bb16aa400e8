// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAPERS_PER_REQUEST, SavedPapers } from '../../components/reading-list/saved-papers';
import { useSavedPapers } from '../../components/reading-list/use-saved-papers';
import type { PapersById } from '../../lib/export/facts';
import type { LibraryPaper } from '../../lib/library/schema';
import { sendMessage } from '../../lib/messages';
import { readingListRevision } from '../../lib/reading-list/revision';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { entry } from '../helpers/reading-list';

vi.mock('../../lib/messages', () => ({ sendMessage: vi.fn() }));

const sent = vi.mocked(sendMessage);
const idOf = (index: number) => `2401.${String(index).padStart(5, '0')}`;
/** 30,000 saved papers, newest first; the library holds every other one. */
const SAVED = Array.from({ length: 30_000 }, (_, index) => entry({ id: idOf(index) }));
const paperOf = (id: string) => ({ id, category: 'cs.LG', authors: [`Author of ${id}`] }) as unknown as LibraryPaper;
let library: Set<string>;

/** The ids of each `getPapers` request so far, in order. */
const requests = () =>
  sent.mock.calls.filter(([type]) => type === 'getPapers').map(([, data]) => (data as { ids: string[] }).ids);

let container: HTMLElement;
let current: [PapersById, SavedPapers];

function Harness({ entries }: { entries: readonly ReadingListEntry[] | null }) {
  current = useSavedPapers(entries);
  return null;
}

/** Shows the hook the list as the reading-list client publishes it while loading: 50, then every 2,500 or so. */
async function arrive(...sizes: number[]): Promise<void> {
  for (const size of sizes) await act(() => render(<Harness entries={SAVED.slice(0, size)} />, container));
}

/** Waits until no request is on its way and the hook holds every library paper among the first `size` entries. */
async function settled(size: number): Promise<void> {
  const expected = SAVED.slice(0, size).filter((e) => library.has(e.id)).length;
  await vi.waitFor(() => expect(current[0].size).toBe(expected));
}

beforeEach(() => {
  fakeBrowser.reset();
  library = new Set(SAVED.filter((_, index) => index % 2 === 0).map((e) => e.id));
  container = document.createElement('div');
  document.body.append(container);
  sent.mockReset();
  sent.mockImplementation((async (type: string, data: { ids: string[] }) => {
    if (type !== 'getPapers') throw new Error(`unexpected message ${type}`);
    return data.ids.filter((id) => library.has(id)).map(paperOf);
  }) as unknown as typeof sendMessage);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the saved papers of a reading list', () => {
  it('asks for the entries as they arrive, at most 1,000 ids a request, each id once', async () => {
    await arrive(50);
    await settled(50);
    expect(current[0].get(idOf(0))).toMatchObject({ category: 'cs.LG' });
    expect(current[0].has(idOf(1))).toBe(false);
    await arrive(2550, 5050, 7550, 30_000);
    await settled(30_000);
    const asked = requests();
    expect(Math.max(...asked.map((ids) => ids.length))).toBeLessThanOrEqual(PAPERS_PER_REQUEST);
    expect(asked.flat()).toHaveLength(SAVED.length);
    expect(new Set(asked.flat()).size).toBe(SAVED.length);
    expect(sent.mock.calls.every(([type]) => type === 'getPapers')).toBe(true);
  });

  it('does not ask again when the entries change without new ids (an edit, a reload of the list)', async () => {
    await arrive(500);
    await settled(500);
    const before = requests().length;
    await act(() => render(<Harness entries={SAVED.slice(0, 500).map((e) => ({ ...e, note: 'read' }))} />, container));
    await act(() => render(<Harness entries={SAVED.slice(0, 500).reverse()} />, container));
    expect(requests()).toHaveLength(before);
  });

  it('asks again for the entries another page changed, and only for them', async () => {
    await arrive(2000);
    await settled(2000);
    sent.mockClear();
    // The paper joined the library since it was first asked for (an author followed meanwhile).
    library.add(idOf(1));
    await act(() => readingListRevision.setValue({ at: '2026-12-05T10:00:00.000Z', ids: [idOf(1), idOf(2)] }));
    await vi.waitFor(() => expect(current[0].has(idOf(1))).toBe(true));
    expect(requests()).toEqual([[idOf(1), idOf(2)]]);
  });

  it('asks for a newly saved paper once its entry arrives', async () => {
    await arrive(100);
    await settled(100);
    sent.mockClear();
    const saved = entry({ id: '2512.00001' });
    library.add(saved.id);
    await act(() => readingListRevision.setValue({ at: '2026-12-05T10:00:00.000Z', ids: [saved.id] }));
    await act(() => render(<Harness entries={[saved, ...SAVED.slice(0, 100)]} />, container));
    await vi.waitFor(() => expect(current[0].has(saved.id)).toBe(true));
    expect(requests()).toEqual([[saved.id]]);
  });

  it('after many changes at once (an import) asks again only for the papers the library lacked', async () => {
    await arrive(1000);
    await settled(1000);
    sent.mockClear();
    await act(() => readingListRevision.setValue({ at: '2026-12-05T10:00:00.000Z', ids: null }));
    await vi.waitFor(() => expect(requests()).toHaveLength(1));
    expect(requests()[0]).toEqual(
      SAVED.slice(0, 1000)
        .map((e) => e.id)
        .filter((id) => !library.has(id)),
    );
  });

  it('asks again, next time, for papers whose request failed; the list meanwhile works without them', async () => {
    sent.mockRejectedValueOnce(new Error('Could not read the library'));
    await arrive(50);
    await vi.waitFor(() => expect(requests()).toHaveLength(1));
    // The failure is handled (its ids let go) in the tasks after the request.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(current[0].size).toBe(0);
    await arrive(100);
    await settled(100);
    expect(requests().slice(1).flat()).toHaveLength(100);
  });

  it('sends no more batches once the list is gone (the popup switched tab)', async () => {
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    sent.mockImplementationOnce((async () => answered.then(() => [])) as unknown as typeof sendMessage);
    await arrive(50, 2550);
    expect(requests()).toHaveLength(1);
    await act(() => render(null, container));
    answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests()).toHaveLength(1);
  });
});

describe('SavedPapers.all', () => {
  it('waits for papers already on their way and asks for the rest, without asking twice', async () => {
    const fetch = vi.fn(async (ids: string[]) => ids.filter((id) => library.has(id)).map(paperOf));
    const papers = new SavedPapers(fetch, () => {});
    const ids = SAVED.slice(0, 2500).map((e) => e.id);
    papers.ask(ids.slice(0, 1200));
    const all = await papers.all(ids);
    expect(all.size).toBe(1250);
    expect(fetch.mock.calls.map(([asked]) => asked.length)).toEqual([1000, 200, 1000, 300]);
  });

  it('fails with the reason when the library cannot be read', async () => {
    const papers = new SavedPapers(
      async () => Promise.reject(new Error('Paperlens was restarting')),
      () => {},
    );
    await expect(papers.all([idOf(0)])).rejects.toThrow('Paperlens was restarting');
  });
});
