// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { candidateKey, createTitleIndex, rawHref } from '../../../lib/scan/candidates';
import { titleKeys } from '../../helpers/papers';

const titles = createTitleIndex(titleKeys);
const anchor = (html: string) => {
  document.body.innerHTML = html;
  return document.body.querySelector('a') as Element;
};

describe('candidateKey', () => {
  it.each([
    ['<a href="https://arxiv.org/abs/2402.07871v3">x</a>', 'https://blog.example/', 'id:2402.07871'],
    ['<a href="/pdf/2401.04081">pdf</a>', 'https://arxiv.org/list/cs.LG/new', 'id:2401.04081'],
    ['<a href="/pdf/2401.04081">pdf</a>', 'https://blog.example/', null],
    ['<a href="https://x.example/">Voxtral</a>', 'https://blog.example/', 'title:voxtral'],
    [
      '<a href="https://x.example/">  MoE-Mamba: Efficient Selective State Space Models with Mixture of Experts. </a>',
      'https://blog.example/',
      'title:moe mamba efficient selective state space models with mixture of experts',
    ],
    ['<a href="https://x.example/">MoE-Mamba</a>', 'https://blog.example/', null],
    ['<a>no href at all</a>', 'https://blog.example/', null],
  ])('%s on %s → %s', (html, page, key) => {
    expect(candidateKey(anchor(html), page, titles)).toBe(key);
  });

  it('matches no titles before the title index is known', () => {
    expect(candidateKey(anchor('<a href="https://x.example/">Voxtral</a>'), 'https://blog.example/', null)).toBeNull();
  });

  it('reads SVG links, xlink:href included, from the attribute', () => {
    document.body.innerHTML =
      '<svg><a xlink:href="https://arxiv.org/abs/2402.07871" xmlns:xlink="http://www.w3.org/1999/xlink"><text>x</text></a></svg>';
    const link = document.querySelector('a') as Element;
    expect(rawHref(link)).toBe('https://arxiv.org/abs/2402.07871');
    expect(candidateKey(link, 'https://blog.example/', titles)).toBe('id:2402.07871');
  });

  it('skips texts far longer than any title without normalizing them', () => {
    const long = `Voxtral ${'lorem ipsum '.repeat(40)}`;
    expect(
      candidateKey(anchor(`<a href="https://x.example/">${long}</a>`), 'https://blog.example/', titles),
    ).toBeNull();
  });
});
