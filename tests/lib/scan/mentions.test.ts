// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgeLayer } from '../../../components/page/badge-layer';
import { createCardController } from '../../../components/page/card-controller';
import { TEXT_CASES } from '../../../lib/links/text-cases';
import { MENTIONS_PER_PAGE, Mention, mentionsIn } from '../../../lib/scan/mentions';
import { createScanner, type Scanner } from '../../../lib/scan/scanner';
import { yieldToMain } from '../../../lib/scan/yield';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';
import { corpusFilter, corpusIds, recordingLookup } from '../../helpers/papers';

vi.mock('../../../lib/scan/yield', async (original) => {
  const actual = await original<typeof import('../../../lib/scan/yield')>();
  return { ...actual, yieldToMain: vi.fn(actual.yieldToMain) };
});

const [FIRST, SECOND] = corpusIds as [string, string];

/** The ids of the badge hosts in the page, in document order. */
const badgeIds = () =>
  [...document.querySelectorAll('[data-paperlens="badge"]')].map((host) => host.getAttribute('data-paperlens-id'));

describe('mentionsIn', () => {
  it('finds the library papers each table row names, outside links and form fields', async () => {
    for (const row of TEXT_CASES) {
      document.body.innerHTML = '<p></p>';
      document.querySelector('p')!.textContent = row.text;
      const found = (await mentionsIn(document.body, null, new WeakMap(), 100)).map((mention) => mention.id);
      expect(found, row.note).toEqual(row.ids);
    }
  });

  it('skips links, textareas, inputs, scripts, styles and editable text, and papers the filter rules out', async () => {
    document.body.innerHTML = `
      <a href="https://example.org/">arXiv:${FIRST}</a>
      <textarea>arXiv:${FIRST}</textarea><input value="arXiv:${FIRST}">
      <script>var x = "arXiv:${FIRST}";</script><style>/* arXiv:${FIRST} */</style>
      <div contenteditable="true"><p>arXiv:${FIRST}</p></div>
      <p id="plain">arXiv:1706.03762 and arXiv:${SECOND}</p>`;
    const found = await mentionsIn(document.body, corpusFilter, new WeakMap(), 100);
    expect(found.map((mention) => mention.id)).toEqual([SECOND]);
    expect(found[0]?.text.parentElement?.id).toBe('plain');
  });

  it('gives the page its main thread back during a long walk, and finds every mention all the same', async () => {
    document.body.innerHTML = Array.from(
      { length: 2000 },
      (_, i) => `<p>arXiv:${i % 2 ? FIRST : '1706.03762'} item</p>`,
    ).join('');
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    vi.mocked(yieldToMain).mockClear();
    const found = await mentionsIn(document.body, corpusFilter, new WeakMap(), 5000);
    clock.mockRestore();
    expect(found).toHaveLength(1000);
    expect(vi.mocked(yieldToMain).mock.calls.length).toBeGreaterThan(3);
  });

  it('gives the same mentions for the same text, and none once the text changed', async () => {
    document.body.innerHTML = `<p>arXiv:${FIRST}</p>`;
    const cache = new WeakMap();
    const [first] = await mentionsIn(document.body, null, cache, 10);
    expect((await mentionsIn(document.body, null, cache, 10))[0]).toBe(first);
    expect(first).toBeInstanceOf(Mention);
    (first as Mention).text.data = 'nothing here';
    expect(first?.isConnected).toBe(false);
    expect(await mentionsIn(document.body, null, cache, 10)).toEqual([]);
  });
});

describe('badges after plain-text mentions', () => {
  let controller: AbortController;
  let scanner: Scanner;

  const start = async (html: string) => {
    document.body.innerHTML = html;
    const card = createCardController(document, {
      toggleSave: vi.fn(),
      undoRemove: vi.fn(),
      theme: () => 'light',
    });
    const badges = createBadgeLayer(document, { parts: () => DEFAULT_SETTINGS.badgeParts, theme: () => 'light', card });
    scanner = createScanner({
      document,
      pageUrl: () => 'https://blog.example/refs',
      filter: () => corpusFilter,
      lookup: recordingLookup().lookup,
      badges,
      signal: controller.signal,
      flushDelayMs: 5,
    });
    await scanner.start();
  };
  const settle = async (ms = 30) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await scanner.idle();
  };

  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it('puts each badge after its text node, in the order of the mentions, and leaves the text as it was', async () => {
    const text = `[1] Someone. arXiv preprint arXiv:${FIRST}v2, 2024; see also arXiv:${SECOND}.`;
    await start(`<ol><li id="ref">${text}</li></ol>`);
    const item = document.querySelector('#ref')!;
    expect(item.firstChild?.nodeType).toBe(Node.TEXT_NODE);
    expect((item.firstChild as Text).data).toBe(text);
    expect([...item.childNodes].slice(1).map((node) => (node as Element).getAttribute('data-paperlens-id'))).toEqual([
      FIRST,
      SECOND,
    ]);
    await scanner.rescan();
    expect(badgeIds()).toEqual([FIRST, SECOND]);
  });

  it('gives an id written as a link once badge, the link’s', async () => {
    await start(`<p><a href="https://arxiv.org/abs/${FIRST}">arxiv.org/abs/${FIRST}</a></p>`);
    expect(badgeIds()).toEqual([FIRST]);
    expect(document.querySelector('a')?.nextElementSibling?.getAttribute('data-paperlens')).toBe('badge');
  });

  it('badges text the page adds, and text it changes only once it has stopped changing it', async () => {
    await start('<p id="box">nothing yet</p>');
    const box = document.querySelector('#box')!;
    box.append(document.createTextNode(` arXiv:${FIRST}`));
    await settle();
    expect(badgeIds()).toEqual([FIRST]);

    const typed = document.createTextNode('');
    document.querySelector('#box')!.after(typed);
    await settle();
    for (const character of `arXiv:${SECOND}`) {
      typed.data += character;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(badgeIds()).toEqual([FIRST]);
    await settle(1100);
    expect(badgeIds()).toEqual([FIRST, SECOND]);

    typed.data = 'gone';
    await Promise.resolve();
    expect(badgeIds()).toEqual([FIRST]);
  });

  it(`badges at most ${MENTIONS_PER_PAGE} mentions a page`, async () => {
    const items = Array.from({ length: MENTIONS_PER_PAGE + 20 }, () => `<li>arXiv:${FIRST}</li>`).join('');
    await start(`<ul>${items}</ul>`);
    expect(badgeIds()).toHaveLength(MENTIONS_PER_PAGE);
    await scanner.rescan();
    expect(badgeIds()).toHaveLength(MENTIONS_PER_PAGE);
  });
});
