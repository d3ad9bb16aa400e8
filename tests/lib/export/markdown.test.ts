import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '../../../lib/export/markdown';
import { entry, papersById, savedList } from '../../helpers/reading-list';

const NOW = new Date('2026-11-29T12:00:00Z');

/** The Markdown with every backslash-escaped character removed: what is left is all that can be markup. */
const markup = (markdown: string) => markdown.replace(/\\[\s\S]/g, '');

/** Link destinations (`[text](dest)`) and autolinks (`<dest>`) a renderer would make. */
function links(markdown: string): string[] {
  const text = markup(markdown);
  return [...text.matchAll(/\]\(([^)\s]*)\)|<([^>\s]*)>/g)].map((match) => match[1] ?? match[2] ?? '');
}

describe('Markdown export', () => {
  const markdown = toMarkdown(savedList, papersById, NOW);

  it('has a heading and one section per status, in reading order', () => {
    expect(markdown.startsWith('# Paperlens reading list\n\nExported 2026-11-29 · 15 papers\n')).toBe(true);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## To read', '## Reading', '## Read']);
  });

  it('links every title to its arXiv abstract and nothing else to elsewhere', () => {
    expect(links(markdown).sort()).toEqual(
      [
        ...savedList.map((saved) => `https://arxiv.org/abs/${saved.id}`),
        'https://example.com/blog?a=1&b=%282%29',
        'https://github.com/llm-random/llm-random',
        'https://github.com/llm-random/llm-random',
      ].sort(),
    );
  });

  it('gives corpus papers their authors, year, category and code link', () => {
    expect(markdown).toContain(
      '- [MoE-Mamba: Efficient Selective State Space Models with Mixture of Experts](https://arxiv.org/abs/2401.04081) — Maciej Pióro, Kamil Ciebiera,',
    );
    expect(markdown).toMatch(
      /Sebastian Jaszczur · 2024 · cs\.LG\\\n {2}Code: <https:\/\/github\.com\/llm-random\/llm-random>/,
    );
    expect(markdown).toContain(
      '](https://arxiv.org/abs/2507.13264) — Alexander H. Liu, Andy Ehrenberg, Andy Lo et al. · 2025',
    );
  });

  it('does not let a hostile title make a link or HTML', () => {
    const hostile = toMarkdown(
      [entry({ id: '2604.00009', title: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>' })],
      papersById,
      NOW,
    );
    expect(links(hostile)).toEqual(['https://arxiv.org/abs/2604.00009']);
    expect(markup(hostile)).not.toMatch(/<[a-z/!?]/i);
    expect(hostile).toContain(
      '- [\\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>](https://arxiv.org/abs/2604.00009) — 2026',
    );
  });

  it('quotes a multi-line note under its item, escaping each line', () => {
    expect(markdown).toContain(
      [
        '  > Found this via a blog.',
        '  >',
        '  > \\# Not a heading',
        '  > \\- not a list',
        '  > \\<script\\>alert(1)\\</script\\> 50% \\& {braces}',
      ].join('\n'),
    );
    expect(markup(markdown)).not.toContain('<script');
  });

  it('drops a source link that is not http(s)', () => {
    const sneaky = entry({ id: '2604.00010', source: { url: 'javascript:alert(1)', linkText: 'x' } });
    expect(toMarkdown([sneaky], papersById, NOW)).not.toContain('javascript');
  });

  it.each([
    ['a_b*c*', 'a\\_b\\*c\\*'],
    ['`code` ~~x~~', '\\`code\\` \\~\\~x\\~\\~'],
    ['&lt; | $x$', '\\&lt; \\| \\$x\\$'],
    ['line\nbreak', 'line break'],
  ])('escapes %j as %j', (input, escaped) => {
    expect(escapeMarkdown(input)).toBe(escaped);
  });
});
