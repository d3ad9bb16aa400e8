// @vitest-environment happy-dom
// @vitest-environment-options {"url":"https://arxiv.org/pdf/2310.15961v2"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { namePdfTab, pdfTabTitle } from '../../components/page/pdf-title';
import type { LookupRequest, PaperSummary } from '../../lib/message-schemas';
import { onMessage, removeAllListeners } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';

const MOT = 'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation';
const OURS = `${MOT} (arXiv 2310.15961)`;

/** The background's lookups: the library knows only Mixture of Tokens. */
function answerLookups(): LookupRequest[] {
  const asked: LookupRequest[] = [];
  onMessage('lookupPapers', ({ data }) => {
    asked.push(data);
    const known = data.ids.includes('2310.15961') ? [{ id: '2310.15961', displayTitle: MOT } as PaperSummary] : [];
    return { papers: known };
  });
  return asked;
}

/** What the background sends when the tab's title changed (sendToPage's wire format). */
const titleChanged = () =>
  fakeBrowser.runtime.sendMessage({ id: 1, type: 'pdfTitleChanged', data: undefined, timestamp: Date.now() });

const titles = () => [...document.querySelectorAll('title')].map((title) => title.textContent);

describe('namePdfTab', () => {
  let controller: AbortController;
  let now = 1_000_000;
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
    controller = new AbortController();
    document.head.replaceChildren();
    Object.defineProperty(document, 'contentType', { value: 'application/pdf', configurable: true });
    vi.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
  });

  it('names an arXiv PDF of a library paper `Title (arXiv id)`, asking the background once', async () => {
    const asked = answerLookups();
    await namePdfTab(document, controller.signal);
    expect(asked).toEqual([{ ids: ['2310.15961'], dois: [], titles: [] }]);
    expect(titles()).toEqual([OURS]);
    expect(document.title).toBe(OURS);
    expect(pdfTabTitle('T', 'hep-th/9901001')).toBe('T (arXiv hep-th/9901001)');
  });

  it('names the tab again when its title changes later (the viewer’s), not for the echo of its own naming', async () => {
    answerLookups();
    await namePdfTab(document, controller.signal);
    const first = document.querySelector('title')?.firstChild;
    now += 100;
    await titleChanged();
    expect(document.querySelector('title')?.firstChild).toBe(first);
    now += 2_000;
    await titleChanged();
    // A new text node: Chrome takes the title from the document again.
    const second = document.querySelector('title')?.firstChild;
    expect(second).not.toBe(first);
    expect(titles()).toEqual([OURS]);
    // Once the page script stops, it no longer answers.
    controller.abort();
    now += 2_000;
    await titleChanged().catch(() => {});
    expect(document.querySelector('title')?.firstChild).toBe(second);
  });

  it('leaves the title alone with the setting off, for a paper outside the library, and on other documents', async () => {
    const asked = answerLookups();
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, pdfTabTitles: false } });
    await namePdfTab(document, controller.signal);
    expect(asked).toEqual([]);
    await fakeBrowser.storage.local.set({ settings: DEFAULT_SETTINGS });

    const pdfAt = (url: string) =>
      Object.defineProperties(document.implementation.createHTMLDocument(''), {
        URL: { value: url },
        contentType: { value: 'application/pdf' },
      });
    const outside = pdfAt('https://arxiv.org/pdf/2001.08361v1');
    await namePdfTab(outside, controller.signal);
    expect(asked.map((request) => request.ids)).toEqual([['2001.08361']]);
    expect(outside.title).toBe('');

    await namePdfTab(pdfAt('https://example.org/pdf/2310.15961'), controller.signal);
    Object.defineProperty(document, 'contentType', { value: 'text/html', configurable: true });
    await namePdfTab(document, controller.signal);
    expect(asked).toHaveLength(1);
    expect(titles()).toEqual([]);
  });
});
