// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgeLayer } from '../../components/page/badge-layer';
import { createCardController } from '../../components/page/card-controller';
import { listingChipView } from '../../components/page/views';
import type { PaperSummary } from '../../lib/message-schemas';
import { DEFAULT_SETTINGS } from '../../lib/settings/model';
import { defineLookalikes } from '../helpers/lookalikes';
import { summaryOf } from '../helpers/papers';
import { entry } from '../helpers/reading-list';
import { userClick, userEvent } from '../helpers/user-events';

const HOSTILE = '<img src=x onerror="window.__pwned=1">"\'&amp;';

/** Save and undo as the page wires them: a remove hands back the entry it took. */
function actions() {
  const removed = entry({ id: '2402.07871', note: 'my note', tags: ['moe', 'scaling'], status: 'reading' });
  return {
    toggleSave: vi.fn(async (paper: PaperSummary) => ({
      paper: { ...paper, saved: !paper.saved },
      removed: paper.saved ? removed : null,
    })),
    undoRemove: vi.fn(async (paper: PaperSummary) => ({ ...paper, saved: true })),
  };
}

function setup() {
  const { toggleSave, undoRemove } = actions();
  const card = createCardController(document, { toggleSave, undoRemove, theme: () => 'system' });
  const layer = createBadgeLayer(document, { parts: () => DEFAULT_SETTINGS.badgeParts, theme: () => 'dark', card });
  return { card, layer, toggleSave, undoRemove };
}

describe('badge layer', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p><a id="x" href="https://arxiv.org/abs/2402.07871">link</a> after</p>';
  });

  it('puts one host right after the link with the bare id and an open shadow root', () => {
    const { layer } = setup();
    const link = document.querySelector('#x')!;
    const paper = summaryOf('2402.07871');
    layer.attach(link, paper);
    layer.attach(link, paper);
    const host = link.nextSibling as HTMLElement;
    expect(host.localName).toBe('span');
    expect(host.getAttribute('data-paperlens')).toBe('badge');
    expect(host.getAttribute('data-paperlens-id')).toBe('2402.07871');
    expect(document.querySelectorAll('[data-paperlens="badge"]')).toHaveLength(1);
    expect(host.shadowRoot?.mode).toBe('open');
    // The host's box comes from the shadow sheet's :host rules (the hostile-page e2e test checks them), not inline styles.
    expect(host.getAttribute('style')).toBeNull();
    expect(host.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
    const button = host.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toContain('LG');
    expect(button.textContent).toContain('81%');
    expect(button.getAttribute('aria-label')).toContain('Scaling Laws for Fine-Grained Mixture of Experts');
    expect(button.getAttribute('aria-label')).toContain('of Jan Ludziejewski');
    expect(host.getAttribute('data-paperlens-authors')).toBe('Jan Ludziejewski');
    // A second followed author on the paper: the hook names both, and the badge is drawn again.
    const pioro = { id: 'maciej-pioro', name: 'Maciej Pióro', color: '#1d7a46' };
    layer.attach(link, { ...paper, followedAuthors: [...paper.followedAuthors, pioro] });
    expect(host.getAttribute('data-paperlens-authors')).toBe('Jan Ludziejewski, Maciej Pióro');
    expect(host.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).toContain(
      'of Jan Ludziejewski and Maciej Pióro',
    );
    layer.detach(link);
    expect(document.querySelectorAll('[data-paperlens="badge"]')).toHaveLength(0);
  });

  it('renders page-controlled and data strings only as text', () => {
    const { layer } = setup();
    const link = document.querySelector('#x')!;
    const paper = { ...summaryOf('2402.07871'), displayTitle: HOSTILE, categoryName: HOSTILE };
    layer.attach(link, paper);
    const root = (link.nextSibling as HTMLElement).shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('button')!.getAttribute('aria-label')).toContain(HOSTILE);
    const author = { id: 'x', name: HOSTILE, color: '#1f5fbf' };
    const chips = listingChipView(document, [{ name: HOSTILE, of: author }], [author]);
    expect(chips).toHaveLength(2);
    for (const chip of chips) {
      expect(chip.querySelector('img')).toBeNull();
      expect(chip.textContent).toContain(HOSTILE);
    }
  });

  it('counts the followed authors beyond the named ones in one neutral chip', () => {
    const jan = { id: 'jan', name: 'Jan Ludziejewski', color: '#1f5fbf' };
    const ola = { id: 'ola', name: 'Ola Wrona', color: '#b3261e' };
    const coauthors = [
      { name: 'Maciej Pióro', of: jan },
      { name: 'Anna Nowak', of: ola },
      { name: 'Kamil Ciebiera', of: jan },
    ];
    const chips = listingChipView(document, coauthors, [], 97);
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Paperlens: Coauthors of Jan Ludziejewski: Maciej Pióro, Kamil Ciebiera',
      'Paperlens: Coauthor of Ola Wrona: Anna Nowak',
      'Paperlens: Also coauthors of 97 more people you follow',
    ]);
    expect(chips[2]?.textContent).toBe('+97');
    expect(listingChipView(document, coauthors, [], 1).at(-1)?.title).toBe(
      'Also coauthors of 1 more person you follow',
    );
    expect(listingChipView(document, coauthors, [])).toHaveLength(2);
  });

  it('places the badge of a link inside SVG after the outermost svg element', () => {
    document.body.innerHTML =
      '<div><svg id="outer"><svg><a id="s" href="https://arxiv.org/abs/2402.07871"><text>t</text></a></svg></svg></div>';
    const { layer } = setup();
    const link = document.querySelector('#s')!;
    layer.attach(link, summaryOf('2402.07871'));
    layer.attach(link, summaryOf('2402.07871'));
    expect(document.querySelector('#outer')!.nextElementSibling?.getAttribute('data-paperlens-id')).toBe('2402.07871');
    expect(document.querySelectorAll('[data-paperlens="badge"]')).toHaveLength(1);
  });

  it('gives every link to the same paper its own working copy of one badge', () => {
    document.body.innerHTML =
      '<p><a id="one" href="https://arxiv.org/abs/2402.07871">one</a> <a id="two" href="https://arxiv.org/pdf/2402.07871">two</a></p>';
    const { layer } = setup();
    const paper = summaryOf('2402.07871');
    const buttons = ['#one', '#two'].map((selector) => {
      const link = document.querySelector(selector)!;
      layer.attach(link, paper);
      return (link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!;
    });
    expect(buttons[0]).not.toBe(buttons[1]);
    expect(buttons[1]!.outerHTML).toBe(buttons[0]!.outerHTML);
    expect((buttons[1]!.querySelector('.nov') as HTMLElement).style.getPropertyValue('--pl-value')).toBe('0.8063');
    userClick(buttons[1]!, 0);
    expect(document.querySelector('[data-paperlens="card"]')?.getAttribute('data-paperlens-id')).toBe('2402.07871');
  });

  it('keeps a badge whose look does not change (a save) instead of rebuilding it', () => {
    const { layer } = setup();
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871'));
    const host = link.nextSibling as HTMLElement;
    const button = host.shadowRoot!.querySelector('button');
    layer.attach(link, summaryOf('2402.07871', true));
    expect(host.shadowRoot!.querySelector('button')).toBe(button);
    layer.attach(link, { ...summaryOf('2402.07871'), novelty: { ...summaryOf('2402.07871').novelty!, score: 0.5 } });
    expect(host.shadowRoot!.querySelector('button')).not.toBe(button);
    expect(host.shadowRoot!.querySelector('.nov')?.textContent).toBe('50%');
  });

  it('shows only the badge parts the settings ask for', () => {
    const card = createCardController(document, { ...actions(), theme: () => 'light' });
    const layer = createBadgeLayer(document, {
      parts: () => ({ category: false, novelty: true, coauthors: false }),
      theme: () => 'light',
      card,
    });
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871'));
    const button = (link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!;
    expect(button.querySelector('.cat')).toBeNull();
    expect(button.querySelector('.co')).toBeNull();
    expect(button.textContent?.trim()).toBe('81%');
  });
});

describe('card', () => {
  beforeEach(() => {
    for (const card of document.querySelectorAll('[data-paperlens="card"]')) card.remove();
    document.body.innerHTML = '<p><a id="x" href="https://arxiv.org/abs/2402.07871">link</a></p>';
  });

  const openByKeyboard = (saved = false) => {
    const { layer, toggleSave, undoRemove } = setup();
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871', saved));
    const button = (link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!;
    button.focus();
    userClick(button, 0);
    const host = document.querySelector('[data-paperlens="card"]') as HTMLElement;
    return { button, host, toggleSave, undoRemove };
  };

  it('opens as a dialog labelled by the title, with details, links and Save', () => {
    const { host } = openByKeyboard();
    const dialog = host.shadowRoot!.querySelector('[role="dialog"]')!;
    const title = host.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Scaling Laws for Fine-Grained Mixture of Experts');
    expect(dialog.textContent).toContain('Machine Learning (cs.LG)');
    expect(dialog.textContent).toContain('Feb 12, 2024');
    expect([...dialog.querySelectorAll('.actions a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://arxiv.org/abs/2402.07871',
      'https://arxiv.org/pdf/2402.07871',
    ]);
    expect(dialog.querySelector('.save')?.getAttribute('aria-pressed')).toBe('false');
    // Fixed by the shadow sheet's :host rule; placed inline, where its badge is.
    expect(host.style.getPropertyValue('left')).toMatch(/^\d+px$/);
  });

  it("names the followed authors in their colours, and each one's coauthors on the paper", () => {
    const { host } = openByKeyboard();
    const followed = [...host.shadowRoot!.querySelectorAll('ul.followed li')];
    expect(followed.map((li) => li.getAttribute('data-followed-author'))).toEqual(['Jan Ludziejewski']);
    expect(followed[0]?.getAttribute('style')).toMatch(/--pl-author: ?#1f5fbf/);
    const label = host.shadowRoot!.querySelector('ul.coauthors')?.previousElementSibling?.textContent;
    expect(label).toBe('Coauthors of Jan Ludziejewski · papers shared');
  });

  it('lists the three most similar corpus papers, most similar first, as links', () => {
    const { host } = openByKeyboard();
    const related = [...host.shadowRoot!.querySelectorAll('ol.related li')];
    const expected = summaryOf('2402.07871').relatedPapers;
    expect(related).toHaveLength(3);
    expect(related.map((li) => li.getAttribute('data-related-id'))).toEqual(expected.map((r) => r.id));
    expect(related[0]!.querySelector('a')?.getAttribute('href')).toBe(`https://arxiv.org/abs/${expected[0]!.id}`);
    expect(related[0]!.textContent).toContain(expected[0]!.title);
  });

  it('has an Insights button only when the page can open the insights page', () => {
    const { host } = openByKeyboard();
    expect(host.shadowRoot!.querySelector('.insights')).toBeNull();
    host.remove();
    const openInsights = vi.fn();
    const card = createCardController(document, { ...actions(), theme: () => 'light', openInsights });
    const button = document.createElement('button');
    document.body.append(button);
    card.open(summaryOf('2310.15961'), button, true);
    userClick(document.querySelector('[data-paperlens="card"]')!.shadowRoot!.querySelector('.insights')!);
    expect(openInsights).toHaveBeenCalledWith(expect.objectContaining({ id: '2310.15961' }));
  });

  it('closes on Escape and gives focus back to the badge', () => {
    const { host, button } = openByKeyboard();
    userEvent(
      host.shadowRoot!.querySelector('[role="dialog"]')!,
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(document.querySelector('[data-paperlens="card"]')).toBeNull();
    expect((button.getRootNode() as ShadowRoot).activeElement).toBe(button);
  });

  it('toggles Save through the given function and shows the new state', async () => {
    const { host, toggleSave } = openByKeyboard();
    userClick(host.shadowRoot!.querySelector('.save')!);
    await vi.waitFor(() => expect(host.shadowRoot!.querySelector('.save')?.textContent).toBe('Saved'));
    expect(toggleSave).toHaveBeenCalledOnce();
    expect(host.shadowRoot!.querySelector('.save')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a state its paper got elsewhere (saved from the popup, say), and ignores other papers', () => {
    const { card, layer } = setup();
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871'));
    const button = (link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!;
    userClick(button, 0);
    const save = () => document.querySelector('[data-paperlens="card"]')?.shadowRoot?.querySelector('.save');
    expect(save()?.getAttribute('aria-pressed')).toBe('false');
    card.update(summaryOf('2401.04081', true));
    expect(save()?.getAttribute('aria-pressed')).toBe('false');
    card.update(summaryOf('2402.07871', true));
    expect(save()?.getAttribute('aria-pressed')).toBe('true');
    expect(save()?.textContent).toBe('Saved');
  });

  it('says so when saving fails, keeping the previous state', async () => {
    const card = createCardController(document, {
      ...actions(),
      toggleSave: async () => {
        throw new Error('storage is full');
      },
      theme: () => 'system',
    });
    const button = document.createElement('button');
    document.body.append(button);
    card.open(summaryOf('2402.07871'), button, true);
    const host = document.querySelector('[data-paperlens="card"]')!;
    userClick(host.shadowRoot!.querySelector('.save')!);
    await vi.waitFor(() =>
      expect(host.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('storage is full'),
    );
    expect(host.shadowRoot!.querySelector('.save')?.textContent).toBe('Save');
  });

  it('does nothing for clicks and keys a page’s script makes: only the user acts', async () => {
    const { host, button, toggleSave } = openByKeyboard(true);
    const root = host.shadowRoot!;
    (root.querySelector('.save') as HTMLButtonElement).click();
    root.querySelector('.save')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    root
      .querySelector('[role="dialog"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(toggleSave).not.toHaveBeenCalled();
    expect(root.querySelector('.save')?.getAttribute('aria-pressed')).toBe('true');
    expect(host.isConnected).toBe(true);
    // Nor can a script open a card, or start one on hover.
    userEvent(root.querySelector('[role="dialog"]')!, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    button.click();
    button.dispatchEvent(new MouseEvent('mouseenter'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(document.querySelector('[data-paperlens="card"]')).toBeNull();
  });

  it('never lets a script open the insights page', () => {
    const openInsights = vi.fn();
    const card = createCardController(document, { ...actions(), theme: () => 'light', openInsights });
    const button = document.createElement('button');
    document.body.append(button);
    card.open(summaryOf('2310.15961'), button, true);
    (document.querySelector('[data-paperlens="card"]')!.shadowRoot!.querySelector('.insights') as HTMLElement).click();
    expect(openInsights).not.toHaveBeenCalled();
  });

  it('says what a remove took and puts it all back on Undo', async () => {
    const { host, toggleSave, undoRemove } = openByKeyboard(true);
    const root = host.shadowRoot!;
    userClick(root.querySelector('.save')!);
    await vi.waitFor(() => expect(root.querySelector('.removed')).not.toBeNull());
    expect(toggleSave).toHaveBeenCalledOnce();
    expect(root.querySelector('.removed')?.textContent).toBe(
      'Removed from your reading list, with your note and 2 tags and the status “Reading”. Undo',
    );
    expect(root.querySelector('.save')?.getAttribute('aria-pressed')).toBe('false');
    userClick(root.querySelector('.undo')!);
    await vi.waitFor(() => expect(root.querySelector('.save')?.getAttribute('aria-pressed')).toBe('true'));
    expect(undoRemove).toHaveBeenCalledWith(expect.objectContaining({ id: '2402.07871' }));
    expect(root.querySelector('.removed')).toBeNull();
  });
});

describe('card state', () => {
  beforeEach(() => {
    for (const card of document.querySelectorAll('[data-paperlens="card"]')) card.remove();
    document.body.innerHTML = '<p><a id="x" href="https://arxiv.org/abs/2402.07871">link</a></p>';
  });

  it('a badge clicked again while its save is under way shows that save end, and takes the next click', async () => {
    let finish: () => void = () => {};
    const toggleSave = vi.fn(
      (paper: PaperSummary) =>
        new Promise<{ paper: PaperSummary; removed: null }>((resolve) => {
          finish = () => resolve({ paper: { ...paper, saved: !paper.saved }, removed: null });
        }),
    );
    const card = createCardController(document, { ...actions(), toggleSave, theme: () => 'light' });
    const layer = createBadgeLayer(document, { parts: () => DEFAULT_SETTINGS.badgeParts, theme: () => 'light', card });
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871'));
    const badge = (link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!;
    userClick(badge, 0);
    const save = () => document.querySelector('[data-paperlens="card"]')!.shadowRoot!.querySelector('.save')!;
    userClick(save());
    expect(save().getAttribute('aria-busy')).toBe('true');
    userClick(badge, 0);
    finish();
    await vi.waitFor(() => expect(save().hasAttribute('aria-busy')).toBe(false));
    userClick(save());
    expect(toggleSave).toHaveBeenCalledTimes(2);
  });

  it('opens nothing for a hover over a badge the page took away before the card was due', async () => {
    const { layer } = setup();
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871'));
    const badge = (link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!;
    userEvent(badge, new MouseEvent('mouseenter'));
    link.parentElement!.remove();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(document.querySelector('[data-paperlens="card"]')).toBeNull();
  });
});

describe('hosts', () => {
  it('are built-in elements, so custom elements a page defines never run inside them', () => {
    defineLookalikes();
    document.body.innerHTML = '<p><a id="x" href="https://arxiv.org/abs/2402.07871">link</a></p>';
    const { layer } = setup();
    const link = document.querySelector('#x')!;
    layer.attach(link, summaryOf('2402.07871'));
    userClick((link.nextSibling as HTMLElement).shadowRoot!.querySelector('button')!, 0);
    expect(document.querySelector('[data-paperlens="card"]')).not.toBeNull();
    expect((window as unknown as { __ran: string[] }).__ran).toEqual([]);
  });
});
