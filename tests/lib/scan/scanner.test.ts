// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PaperSummary } from '../../../lib/message-schemas';
import { createScanner, type Scanner, type ScannerOptions } from '../../../lib/scan/scanner';
import { corpusFilter, corpusIds, recordingLookup } from '../../helpers/papers';

/** A badge layer that keeps one marker element after each badged link, as the real one does. */
function markerLayer() {
  const attached = new Map<Element, string>();
  const markers = new Map<Element, Element>();
  return {
    attached,
    attach(anchor: Element, paper: PaperSummary) {
      attached.set(anchor, paper.id);
      const marker = markers.get(anchor) ?? document.createElement('paperlens-badge');
      markers.set(anchor, marker);
      marker.setAttribute('data-paperlens-id', paper.id);
      if (anchor.nextSibling !== marker) anchor.after(marker);
    },
    detach(anchor: Element) {
      attached.delete(anchor);
      markers.get(anchor)?.remove();
      markers.delete(anchor);
    },
    isOwn: (node: Node) => node instanceof Element && node.localName.startsWith('paperlens-'),
  };
}

const badgeIds = () =>
  [...document.querySelectorAll('paperlens-badge')].map((b) => b.getAttribute('data-paperlens-id'));
const settle = async (scanner: Scanner) => {
  await new Promise((resolve) => setTimeout(resolve, 40));
  await scanner.idle();
};

describe('createScanner', () => {
  let controller: AbortController;
  let layer: ReturnType<typeof markerLayer>;
  let recorder: ReturnType<typeof recordingLookup>;
  let reported: string[][];

  /** A scanner of `document` on a blog page, with the real corpus's filter unless told otherwise. */
  const scannerWith = (overrides: Partial<ScannerOptions> = {}) =>
    createScanner({
      document,
      pageUrl: () => 'https://blog.example/',
      filter: () => corpusFilter,
      lookup: recorder.lookup,
      badges: layer,
      signal: controller.signal,
      flushDelayMs: 10,
      ...overrides,
    });

  const start = async (html: string) => {
    document.body.innerHTML = html;
    const scanner = scannerWith({
      pageUrl: () => 'https://blog.example/post',
      onPapersChanged: (ids) => reported.push([...ids].sort()),
    });
    await scanner.start();
    return scanner;
  };

  beforeEach(() => {
    controller = new AbortController();
    layer = markerLayer();
    recorder = recordingLookup();
    reported = [];
  });
  afterEach(() => controller.abort());

  it('gives a known link its badge back as soon as the page re-adds it, and takes it when removed', async () => {
    await start('<p id="box"><a id="x" href="https://arxiv.org/abs/2402.07871">x</a></p>');
    expect(badgeIds()).toEqual(['2402.07871']);
    const link = document.querySelector('#x')!;
    const lookups = recorder.requests.length;
    link.remove();
    await Promise.resolve(); // mutation observers run as microtasks, long before the batch delay
    expect(badgeIds()).toEqual([]);
    document.querySelector('#box')!.prepend(link);
    await Promise.resolve();
    expect(link.nextElementSibling?.getAttribute('data-paperlens-id')).toBe('2402.07871');
    expect(badgeIds()).toEqual(['2402.07871']);
    expect(recorder.requests.length).toBe(lookups); // no new lookup for a known link
  });

  it('badges corpus links only, after one batched lookup that also asks for the rest of the corpus', async () => {
    await start(`
      <a id="a" href="https://arxiv.org/abs/2402.07871v2">FG-MoE</a>
      <a id="b" href="https://arxiv.org/abs/2402.07872">neighbour</a>
      <a id="c" href="https://openreview.net/x">Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient</a>
      <a id="d" href="https://example.com/abs/2402.07871">not arXiv</a>
      <a id="e" href="/about">About</a>
      <a id="f">no href</a>`);
    expect(recorder.requests).toHaveLength(1);
    // Other papers (2402.07872) are told apart in the page: only corpus ids are asked about, and the first
    // lookup asks for the rest of the (small) library too, so that links added later need no lookup.
    const [request] = recorder.requests;
    expect(request?.ids).toEqual(['2402.07871']);
    expect(request?.wholeIfSmall).toBe(true);
    expect(request?.titles).toEqual(['joint moe scaling laws mixture of experts can be memory efficient']);
    expect(badgeIds()).toEqual(['2402.07871', '2502.05172']);
    expect(document.querySelector('#a')?.nextElementSibling?.getAttribute('data-paperlens-id')).toBe('2402.07871');
    expect(reported.at(-1)).toEqual(['2402.07871', '2502.05172']);
  });

  it('sends no lookup at all for a page without paper links', async () => {
    const scanner = await start('<a href="/about">About</a><a href="https://arxiv.org/abs/2402.07872">other</a>');
    document.body.insertAdjacentHTML('beforeend', '<a href="https://example.com/">more</a>');
    await settle(scanner);
    expect(recorder.requests).toEqual([]);
    expect(badgeIds()).toEqual([]);
  });

  it('badges corpus links the page adds later within the same task, with no further lookup', async () => {
    await start('<a href="https://arxiv.org/abs/2402.07871">one</a><div id="feed"></div>');
    const feed = document.querySelector('#feed')!;
    feed.insertAdjacentHTML(
      'beforeend',
      '<p><a href="https://arxiv.org/pdf/2401.04081">two</a></p><p><a href="https://arxiv.org/abs/2402.07871">again</a></p>',
    );
    feed.insertAdjacentHTML('beforeend', '<a href="https://huggingface.co/papers/2502.05172">three</a>');
    feed.insertAdjacentHTML(
      'beforeend',
      '<a href="https://openreview.net/y">Mixture of Tokens: Continuous MoE through Cross-Example Aggregation</a>',
    );
    // Mutation observers run as microtasks: before the page's next rendering, long before the batch delay.
    await Promise.resolve();
    expect(badgeIds().sort()).toEqual(['2310.15961', '2401.04081', '2402.07871', '2402.07871', '2502.05172']);
    expect(reported.at(-1)).toEqual(['2310.15961', '2401.04081', '2402.07871', '2502.05172']);
    expect(recorder.requests).toHaveLength(1);
  });

  it('leaves what it has no time for in a mutation callback to the batch', async () => {
    const scanner = await start('<a href="https://arxiv.org/abs/2402.07871">one</a><ul id="feed"></ul>');
    const items = Array.from(
      { length: 200 },
      (_, i) => `<li><a href="https://arxiv.org/abs/2401.04081?i=${i}">x</a></li>`,
    );
    // A slow page: every clock reading is a millisecond later, so the callback's budget runs out early.
    let now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    try {
      document.querySelector('#feed')!.insertAdjacentHTML('beforeend', items.join(''));
      await Promise.resolve();
      // Some went in at once, the rest waits for the batch.
      expect(badgeIds().length).toBeGreaterThan(1);
      expect(badgeIds().length).toBeLessThan(201);
    } finally {
      clock.mockRestore();
    }
    await settle(scanner);
    expect(badgeIds()).toHaveLength(201);
    expect(recorder.requests).toHaveLength(1);
  });

  it('gathers links it cannot badge at once into one lookup per batch, and never asks twice for an id', async () => {
    recorder = recordingLookup({ large: true });
    const scanner = scannerWith({ filter: () => null });
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2402.07871">one</a><div id="feed"></div>';
    await scanner.start();
    const feed = document.querySelector('#feed')!;
    feed.insertAdjacentHTML('beforeend', '<p><a href="https://arxiv.org/pdf/2401.04081">two</a></p>');
    feed.insertAdjacentHTML('beforeend', '<a href="https://huggingface.co/papers/2502.05172">three</a>');
    feed.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2402.07871v3">again</a>');
    await Promise.resolve();
    // Without the filter, ids not looked up yet wait for the batch; the known one is badged at once.
    expect(badgeIds()).toEqual(['2402.07871', '2402.07871']);
    await settle(scanner);
    expect(recorder.requests.map((r) => r.ids.sort())).toEqual([['2402.07871'], ['2401.04081', '2502.05172']]);
    expect(badgeIds().sort()).toEqual(['2401.04081', '2402.07871', '2402.07871', '2502.05172']);
  });

  it('removes the badge of a removed link and gives a re-added link exactly one badge', async () => {
    const scanner = await start('<p id="p"><a id="x" href="https://arxiv.org/abs/2402.07871">x</a> tail</p>');
    const link = document.querySelector('#x')!;
    link.remove();
    await settle(scanner);
    expect(badgeIds()).toEqual([]);
    for (let i = 0; i < 5; i++) {
      document.querySelector('#p')!.prepend(link);
      await settle(scanner);
      link.remove();
      document.querySelector('#p')!.append(link);
      await settle(scanner);
    }
    expect(badgeIds()).toEqual(['2402.07871']);
    expect(link.nextElementSibling?.localName).toBe('paperlens-badge');
    expect(recorder.requests).toHaveLength(1);
  });

  it('puts back a badge the page removed while its link stayed', async () => {
    const scanner = await start('<a id="x" href="https://arxiv.org/abs/2402.07871">x</a>');
    document.querySelector('paperlens-badge')!.remove();
    await settle(scanner);
    expect(badgeIds()).toEqual(['2402.07871']);
  });

  it('follows an href that changes', async () => {
    const scanner = await start('<a id="x" href="https://arxiv.org/abs/2402.07871">x</a>');
    const link = document.querySelector('#x')!;
    link.setAttribute('href', 'https://arxiv.org/abs/2401.04081');
    await settle(scanner);
    expect(layer.attached.get(link)).toBe('2401.04081');
    link.setAttribute('href', 'https://example.com/');
    await settle(scanner);
    expect(badgeIds()).toEqual([]);
  });

  it('leaves links inside editable content alone, also those added later', async () => {
    const scanner = await start(
      '<div id="e" contenteditable="true"><a href="https://arxiv.org/abs/2402.07871">x</a></div><p id="p"></p>',
    );
    expect(badgeIds()).toEqual([]);
    document.querySelector('#p')!.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2401.04081">y</a>');
    document.querySelector('#e')!.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2401.04081">z</a>');
    await settle(scanner);
    expect(badgeIds()).toEqual(['2401.04081']);
    expect(document.querySelector('#e paperlens-badge')).toBeNull();
  });

  it('a link that changes while its scan waits for the lookup gets what it links to by then', async () => {
    const answers: (() => void)[] = [];
    const scanner = scannerWith({
      lookup: (request) => new Promise((resolve) => answers.push(() => resolve(recorder.lookup(request)))),
    });
    document.body.innerHTML =
      '<a id="x" href="https://arxiv.org/abs/2402.07871">x</a><a id="y" href="https://arxiv.org/abs/2401.04081">y</a>';
    const started = scanner.start();
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    // A tracking script rewrites one href, and the other link points to another corpus paper.
    document.querySelector('#x')!.setAttribute('href', 'https://example.com/out?to=nowhere');
    document.querySelector('#y')!.setAttribute('href', 'https://arxiv.org/abs/2502.05172');
    await Promise.resolve();
    answers[0]?.();
    await started;
    await settle(scanner);
    expect(document.querySelector('#x')!.nextElementSibling?.id).toBe('y');
    expect(document.querySelector('#y')!.nextElementSibling?.getAttribute('data-paperlens-id')).toBe('2502.05172');
    expect(badgeIds()).toEqual(['2502.05172']);
  });

  it('without the library filter asks the background about every paper id and matches no titles', async () => {
    recorder = recordingLookup({ large: true });
    const scanner = scannerWith({ filter: () => null });
    document.body.innerHTML = `
      <a href="https://arxiv.org/abs/2402.07871v2">FG-MoE</a>
      <a href="https://arxiv.org/abs/2402.07872">neighbour</a>
      <a href="https://openreview.net/x">Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient</a>`;
    await scanner.start();
    expect(recorder.requests).toEqual([
      { ids: ['2402.07871', '2402.07872'], dois: [], titles: [], wholeIfSmall: true },
    ]);
    expect(badgeIds()).toEqual(['2402.07871']);
  });

  it('survives a failed lookup and retries on the next scan', async () => {
    let fail = true;
    const scanner = scannerWith({
      filter: () => null,
      lookup: async (request) => {
        if (fail) throw new Error('worker unavailable');
        return recorder.lookup(request);
      },
    });
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2402.07871">x</a>';
    await expect(scanner.start()).resolves.toBeUndefined();
    expect(badgeIds()).toEqual([]);
    fail = false;
    await scanner.rescan();
    expect(badgeIds()).toEqual(['2402.07871']);
  });

  it('a link the page does not let it badge stops neither the scan nor later links', async () => {
    const refusing = {
      ...layer,
      attach(anchor: Element, paper: PaperSummary) {
        if (anchor.id === 'bad')
          throw new DOMException('Only one element on document allowed.', 'HierarchyRequestError');
        layer.attach(anchor, paper);
      },
    };
    const scanner = scannerWith({ badges: refusing });
    document.body.innerHTML =
      '<a href="https://arxiv.org/abs/2402.07871">a</a><a id="bad" href="https://arxiv.org/abs/2401.04081">b</a><a href="https://arxiv.org/abs/2502.05172">c</a>';
    await scanner.start();
    expect(badgeIds()).toEqual(['2402.07871', '2502.05172']);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p><a id="bad" href="https://arxiv.org/abs/2310.15961">d</a><a href="https://arxiv.org/abs/2506.10910">e</a></p>',
    );
    await Promise.resolve();
    expect(badgeIds()).toEqual(['2402.07871', '2502.05172', '2506.10910']);
    await settle(scanner);
  });

  it('asks for the whole corpus again when the first lookup failed', async () => {
    let fail = true;
    const scanner = scannerWith({
      lookup: async (request) => {
        if (fail) throw new Error('worker unavailable');
        return recorder.lookup(request);
      },
    });
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2402.07871">x</a>';
    await scanner.start();
    fail = false;
    await scanner.rescan();
    expect(recorder.requests[0]?.wholeIfSmall).toBe(true);
    expect(recorder.requests).toHaveLength(1);
    expect(badgeIds()).toEqual(['2402.07871']);
    // The whole library came with that answer: a link the page adds is badged with no other lookup.
    document.body.insertAdjacentHTML('beforeend', `<a href="https://arxiv.org/abs/${corpusIds[1]}">y</a>`);
    await settle(scanner);
    expect(recorder.requests).toHaveLength(1);
  });

  it('clears every badge when switched off and restores them on rescan; abort removes them', async () => {
    const scanner = await start(
      '<a href="https://arxiv.org/abs/2402.07871">x</a><a href="https://arxiv.org/abs/2401.04081">y</a>',
    );
    scanner.clear();
    expect(badgeIds()).toEqual([]);
    expect(reported.at(-1)).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2502.05172">z</a>');
    await settle(scanner);
    expect(badgeIds()).toEqual([]);
    await scanner.rescan();
    expect(badgeIds().sort()).toEqual(['2401.04081', '2402.07871', '2502.05172']);
    controller.abort();
    expect(badgeIds()).toEqual([]);
  });

  it('settles a link rewritten to an address that names no paper without reading its text or asking', async () => {
    const scanner = await start('<a id="x" href="https://example.com/a">Mixture of Tokens</a>');
    const link = document.querySelector('#x') as HTMLAnchorElement;
    const text = vi.spyOn(link, 'textContent', 'get');
    const lookups = recorder.requests.length;
    for (let i = 0; i < 20; i++) {
      link.setAttribute('href', `https://t.example/r/${i}`);
      await Promise.resolve();
    }
    await settle(scanner);
    expect(text).not.toHaveBeenCalled();
    expect(recorder.requests).toHaveLength(lookups);
    expect(badgeIds()).toEqual([]);
  });

  it('badges a link that keeps changing as it ends up, once it has been backed off, not on every change', async () => {
    const scanner = await start('<a id="x" href="https://arxiv.org/abs/2402.07871">x</a>');
    const link = document.querySelector('#x') as HTMLAnchorElement;
    const attach = vi.spyOn(layer, 'attach');
    const ids = ['2401.04081', '2502.05172', '2310.15961', '2506.10910'];
    for (let i = 0; i < 40; i++) {
      link.setAttribute('href', `https://arxiv.org/abs/${ids[i % ids.length]}`);
      await Promise.resolve();
    }
    // The first few changes are followed at once; the rest wait.
    expect(attach.mock.calls.length).toBeLessThanOrEqual(4);
    link.setAttribute('href', 'https://arxiv.org/abs/2509.00001');
    link.setAttribute('href', 'https://arxiv.org/abs/2310.15961');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await settle(scanner);
    expect(layer.attached.get(link)).toBe('2310.15961');
    expect(attach.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('starts nothing once aborted: no observer, no lookup, no badge', async () => {
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2402.07871">x</a>';
    const scanner = scannerWith({});
    controller.abort();
    await scanner.start();
    await scanner.rescan();
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2401.04081">y</a>');
    await settle(scanner);
    expect(recorder.requests).toEqual([]);
    expect(badgeIds()).toEqual([]);
  });
});
