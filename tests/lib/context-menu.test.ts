import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it, vi } from 'vitest';
import {
  authorFromLinkClick,
  FOLLOW_MENU_ID,
  followMenuTitle,
  nameAuthorsInMenu,
  PAPER_LINK_PATTERNS,
  paperFromLinkClick,
  paperFromTab,
  SAVE_MENU_ID,
  type ShownMenus,
} from '../../lib/context-menu';
import { URL_CASES } from '../../lib/links/url-cases';

const patterns = PAPER_LINK_PATTERNS.map((pattern) => new MatchPattern(pattern));
const shown = (url: string) => patterns.some((pattern) => pattern.includes(url));

describe('the "Save to reading list" link menu item', () => {
  it.each(URL_CASES.filter((c) => c.id !== null && !c.base))('appears on $url', ({ url }) => {
    expect(shown(url)).toBe(true);
  });

  it.each([
    'https://example.com/abs/2402.07871',
    'https://github.com/llm-random/llm-random',
    'https://huggingface.co/mistralai/Voxtral-Mini-3B-2507',
    'https://doi.org/10.1234/arXiv.2402.07871',
    'mailto:someone@arxiv.org',
  ])('does not appear on %s', (url) => {
    expect(shown(url)).toBe(false);
  });

  it('resolves the paper of a clicked link, and nothing for a non-paper arXiv link', () => {
    expect(
      paperFromLinkClick({
        linkUrl: 'https://arxiv.org/pdf/2402.07871v2',
        pageUrl: 'https://blog.example/',
        linkText: ' PDF ',
      }),
    ).toEqual({ id: '2402.07871', title: 'PDF', source: { url: 'https://blog.example/', linkText: 'PDF' } });
    // Chrome gives no link text: the save falls back to the paper's own or an arXiv title.
    expect(
      paperFromLinkClick({ linkUrl: 'https://arxiv.org/abs/1706.03762', pageUrl: 'https://blog.example/' }),
    ).toEqual({
      id: '1706.03762',
      title: undefined,
      source: { url: 'https://blog.example/', linkText: '' },
    });
    expect(
      paperFromLinkClick({ linkUrl: 'https://arxiv.org/list/cs.LG/new', pageUrl: 'https://arxiv.org/' }),
    ).toBeNull();
    expect(paperFromLinkClick({ pageUrl: 'https://arxiv.org/' })).toBeNull();
  });
});

describe('paperFromTab (the save shortcut)', () => {
  it('reads the paper from an arXiv tab and drops the "[id] " title prefix', () => {
    expect(
      paperFromTab({
        url: 'https://arxiv.org/abs/2402.07871v2',
        title: '[2402.07871] Scaling Laws for Fine-Grained Mixture of Experts',
      }),
    ).toEqual({
      id: '2402.07871',
      title: 'Scaling Laws for Fine-Grained Mixture of Experts',
      source: {
        url: 'https://arxiv.org/abs/2402.07871v2',
        linkText: 'Scaling Laws for Fine-Grained Mixture of Experts',
      },
    });
    expect(paperFromTab({ url: 'https://arxiv.org/pdf/2402.07871', title: '2402.07871.pdf' })?.id).toBe('2402.07871');
    expect(paperFromTab({ url: 'https://huggingface.co/papers/2402.07871' })?.title).toBeUndefined();
  });

  it('gives nothing for tabs that show no single paper, or whose URL it may not read', () => {
    expect(paperFromTab({ url: 'https://arxiv.org/list/cs.LG/new' })).toBeNull();
    expect(paperFromTab({ url: 'https://example.com/abs/2402.07871' })).toBeNull();
    expect(paperFromTab({ title: 'no url without activeTab' })).toBeNull();
  });
});

describe('following an author from a link', () => {
  it.each([
    ['https://arxiv.org/a/ludziejewski_j_1', undefined, { query: 'au:Ludziejewski_J', name: 'au:Ludziejewski_J' }],
    [
      'https://arxiv.org/a/ludziejewski_j_1.html',
      'Jan Ludziejewski',
      { query: 'au:Ludziejewski_J', name: 'Jan Ludziejewski' },
    ],
    ['https://arxiv.org/a/del-maestro_a_1', undefined, { query: 'au:Del-Maestro_A', name: 'au:Del-Maestro_A' }],
    [
      'https://arxiv.org/search/?searchtype=author&query=Pioro%2C+M',
      undefined,
      { query: 'Pioro, M', name: 'Pioro, M' },
    ],
    [
      'https://arxiv.org/search/cs?searchtype=author&query=Pi%C3%B3ro%2C+M',
      'Maciej Pióro',
      { query: 'Maciej Pióro', name: 'Maciej Pióro' },
    ],
    ['https://arxiv.org/search/?searchtype=title&query=mixture', undefined, null],
    ['https://arxiv.org/abs/2402.07871', undefined, null],
    ['https://evil.example/a/ludziejewski_j_1', undefined, null],
    ['not a url', undefined, null],
  ])('%s (%s)', (linkUrl, linkText, expected) => {
    expect(authorFromLinkClick({ linkUrl, linkText })).toEqual(expected);
  });
});

describe('the follow item’s label', () => {
  /** Firefox's `menus`, as far as naming the author goes: records updates, lets a test open the menu. */
  function fakeMenus() {
    let shown: Parameters<ShownMenus['onShown']['addListener']>[0] = () => {};
    const titles: string[] = [];
    const menus: ShownMenus = {
      onShown: { addListener: (listener) => (shown = listener) },
      update: async (_id, { title }) => void titles.push(title),
      refresh: async () => void titles.push('(refreshed)'),
    };
    return { menus, titles, open: (info: Parameters<typeof shown>[0]) => shown(info) };
  }

  it('names the author of the link the menu opened on (Firefox), and nothing on other menus', async () => {
    const { menus, titles, open } = fakeMenus();
    nameAuthorsInMenu(menus);
    open({ menuIds: [SAVE_MENU_ID], linkUrl: 'https://arxiv.org/abs/2402.07871', linkText: 'x' });
    open({ menuIds: [FOLLOW_MENU_ID], linkUrl: 'https://arxiv.org/a/pioro_m_1', linkText: 'Maciej Pióro' });
    await vi.waitFor(() => expect(titles).toEqual(['Follow Maciej Pióro in Paperlens', '(refreshed)']));
    open({ menuIds: [FOLLOW_MENU_ID], linkUrl: 'https://arxiv.org/a/ludziejewski_j_1' });
    await vi.waitFor(() => expect(titles.at(-2)).toBe('Follow au:Ludziejewski_J in Paperlens'));
  });

  it('says "this author" where it cannot know, and keeps a long or odd name readable', () => {
    expect(followMenuTitle(null)).toBe('Follow this author in Paperlens');
    expect(followMenuTitle({ name: 'Tom & Jerry' })).toBe('Follow Tom && Jerry in Paperlens');
    expect(followMenuTitle({ name: 'A'.repeat(100) })).toBe(`Follow ${'A'.repeat(59)}… in Paperlens`);
  });
});
