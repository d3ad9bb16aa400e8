// @vitest-environment happy-dom
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { download } from '../../components/download';
import { ReadingListView } from '../../components/reading-list/ReadingListView';
import { sendMessage } from '../../lib/messages';
import { ReadingListClient } from '../../lib/reading-list/client';
import { libraryPapers } from '../helpers/db';
import { savedList } from '../helpers/reading-list';

vi.mock('../../lib/messages', () => ({ sendMessage: vi.fn() }));
vi.mock('../../components/download', () => ({ download: vi.fn() }));

const sent = vi.mocked(sendMessage);
const downloaded = vi.mocked(download);
const papersRequests = () =>
  sent.mock.calls.filter(([type]) => type === 'getPapers').map(([, data]) => (data as { ids: string[] }).ids);

/** Lets the library's answers out when called: until then `getPapers` is on its way. */
let answer: () => void;
let container: HTMLElement;

function View({ client }: { client: ReadingListClient }) {
  const [state, setState] = useState(client.current);
  useEffect(() => client.subscribe(setState), [client]);
  return <ReadingListView client={client} state={state} />;
}

async function mount(): Promise<void> {
  const list = async () => savedList;
  const client = new ReadingListClient({ list } as unknown as ConstructorParameters<typeof ReadingListClient>[0]);
  render(<View client={client} />, container);
  await client.refresh();
  await vi.waitFor(() => expect(container.querySelector('.entries [data-paperlens-id]')).not.toBeNull());
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
  let opened = false;
  const waiting: (() => void)[] = [];
  answer = () => {
    opened = true;
    for (const go of waiting.splice(0)) go();
  };
  sent.mockReset();
  sent.mockImplementation((async (type: string, data: { ids: string[] }) => {
    if (type !== 'getPapers') throw new Error(`unexpected message ${type}`);
    if (!opened) await new Promise<void>((resolve) => waiting.push(resolve));
    return libraryPapers.filter((paper) => data.ids.includes(paper.id));
  }) as unknown as typeof sendMessage);
  downloaded.mockReset();
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the reading list view', () => {
  it('shows the rows at once and their categories when the library answers, never asking for the whole library', async () => {
    await mount();
    const first = libraryPapers.find((paper) => paper.id === savedList[0]?.id);
    const row = () => container.querySelector(`[data-paperlens-id="${savedList[0]?.id}"]`);
    expect(row()).not.toBeNull();
    expect(row()?.querySelector('.cat-chip')).toBeNull();
    answer();
    await vi.waitFor(() => expect(row()?.querySelector('.cat-chip')?.textContent).toContain(first?.category));
    expect(sent.mock.calls.map(([type]) => type)).not.toContain('getLibrary');
    expect(papersRequests().flat().sort()).toEqual(savedList.map((e) => e.id).sort());
  });

  it('exports with authors and categories once the papers still on their way have arrived', async () => {
    await mount();
    button('BibTeX').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(downloaded).not.toHaveBeenCalled();
    answer();
    await vi.waitFor(() => expect(downloaded).toHaveBeenCalledOnce());
    const [filename, , text] = downloaded.mock.calls[0] ?? [];
    expect(filename).toMatch(/\.bib$/);
    expect(text).toContain('@misc{krajewski2024scaling,');
    expect(text).toContain('primaryClass = {cs.LG}');
    // The export waited for the rows' requests rather than asking again.
    expect(papersRequests().flat()).toHaveLength(savedList.length);
  });

  it('says what went wrong when the papers for an export cannot be read, and exports nothing', async () => {
    sent.mockRejectedValue(new Error('Paperlens could not reach its storage. Try again in a moment.'));
    await mount();
    button('CSV').click();
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toContain('Could not export'),
    );
    expect(downloaded).not.toHaveBeenCalled();
  });
});
