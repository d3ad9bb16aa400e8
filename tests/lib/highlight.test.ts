import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import corpusJson from '../../data/corpus.json';
import { CorpusSchema } from '../../lib/corpus/schema';
import { highlightSegments } from '../../lib/highlight';

const { papers } = CorpusSchema.parse(corpusJson);

/** The segments written as `[marked]` text, to read the expectations at a glance. */
const marked = (text: string, terms: string[]) =>
  highlightSegments(text, terms)
    .map((segment) => (segment.match ? `[${segment.text}]` : segment.text))
    .join('');

describe('highlightSegments', () => {
  it.each([
    ['Maciej Pióro, Michał Krutul', ['pioro'], 'Maciej [Pióro], Michał Krutul'],
    ['Maciej Pióro, Michał Krutul', ['Pióro', 'michal'], 'Maciej [Pióro], [Michał] Krutul'],
    ['Tomasz Odrzygóźdź.', ['odrzygozdz'], 'Tomasz [Odrzygóźdź].'],
    [
      'μ-Parametrization for Mixture of Experts',
      ['mu', 'parametrization'],
      '[μ]-[Parametrization] for Mixture of Experts',
    ],
    ['$μ$-Parametrization for MoE', ['mu'], '$[μ]$-Parametrization for MoE'],
    ['$\\mu$-Parametrization', ['mu'], '$\\[mu]$-Parametrization'],
    ['the $μ$Transfer is key', ['transfer'], 'the $μ$[Transfer] is key'],
    ['µ (micro sign) and μ (mu)', ['mu'], '[µ] (micro sign) and [μ] ([mu])'],
    ['Scaling laws; scaling (again)', ['scal'], '[Scaling] laws; [scaling] (again)'],
    ['Mixture of Experts (MoE), MoE-Mamba', ['moe'], 'Mixture of Experts ([MoE]), [MoE]-Mamba'],
    ['Voxtral TTS', ['voxtral', 'tts'], '[Voxtral] [TTS]'],
    ['"Magistral"', ['magistral'], '"[Magistral]"'],
    ['a 68.4% win rate', ['68'], 'a [68].4% win rate'],
    ['Mistral-AI', ['mistral'], '[Mistral]-AI'],
    ['Mixture of Experts', ['mixture of'], '[Mixture] [of] Experts'],
    ['nothing to see', ['xyz'], 'nothing to see'],
    ['no terms at all', [], 'no terms at all'],
    ['blank terms', ['', '  ', '!!'], 'blank terms'],
  ])('marks %j for %j as %j', (text, terms, expected) => {
    expect(marked(text, terms)).toBe(expected);
  });

  it('returns no segments for empty text', () => {
    expect(highlightSegments('', ['mu'])).toEqual([]);
  });

  it('merges unmarked text into one segment and never returns empty segments', () => {
    expect(highlightSegments('Joint MoE Scaling Laws', ['laws'])).toEqual([
      { text: 'Joint MoE Scaling ', match: false },
      { text: 'Laws', match: true },
    ]);
  });

  it('returns text, not HTML', () => {
    expect(highlightSegments('<b>MoE</b> & co', ['moe', 'b'])).toEqual([
      { text: '<', match: false },
      { text: 'b', match: true },
      { text: '>', match: false },
      { text: 'MoE', match: true },
      { text: '</', match: false },
      { text: 'b', match: true },
      { text: '> & co', match: false },
    ]);
  });

  it('rejoins to every corpus title, author list and abstract', () => {
    for (const paper of papers) {
      for (const text of [paper.title, paper.displayTitle, paper.authors.join(', '), paper.abstract]) {
        const segments = highlightSegments(text, ['mixture', 'pioro', 'mu', 'scal']);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
      }
    }
  });

  it('never throws and always rejoins to the input, for any text and terms', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 5 }),
        (text, terms) => {
          const segments = highlightSegments(text, terms);
          expect(segments.map((segment) => segment.text).join('')).toBe(text);
          expect(segments.every((segment) => segment.text !== '')).toBe(true);
        },
      ),
    );
  });

  it('rejoins to the input for arbitrary UTF-16, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 6 }), (text, term) => {
        expect(
          highlightSegments(text, [term])
            .map((segment) => segment.text)
            .join(''),
        ).toBe(text);
      }),
    );
  });

  it('marks nothing when there are no terms', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(highlightSegments(text, []).some((segment) => segment.match)).toBe(false);
      }),
    );
  });
});
