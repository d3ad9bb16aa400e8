import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProfileParseError, parseProfile } from '../../../lib/corpus/parse-profile';

const realProfile = readFileSync(new URL('../../../data/author-profile.txt', import.meta.url), 'utf8');

describe('parseProfile on the real author profile', () => {
  const profile = parseProfile(realProfile);

  it('reads the header figures', () => {
    expect(profile).toMatchObject({
      name: 'Jan Ludziejewski',
      primaryCategory: 'LG',
      hIndex: 27,
      papers: 13,
      citations: 422,
      novelty: 0.5,
      aiScore: 58,
    });
  });

  it('finds all 13 papers in file order', () => {
    expect(profile.entries).toHaveLength(13);
    expect(profile.entries.map((entry) => entry.title)).toEqual([
      'Voxtral TTS',
      'Ministral 3',
      'Mixture of Tokens: Continuous MoE through Cross-Example Aggregation',
      'Magistral',
      'Scaling Laws for Fine-Grained Mixture of Experts',
      '$μ$-Parametrization for Mixture of Experts',
      'Devstral: Fine-tuning Language Models for Coding Agent Applications',
      'MoE-Mamba: Efficient Selective State Space Models with Mixture of Experts',
      'Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient',
      'Voxtral',
      'Voxtral Realtime',
      'Decoupled Relative Learning Rate Schedules',
      'Projected Compression: Trainable Projection for Efficient Transformer Compression',
    ]);
  });

  it.each([
    ['Voxtral TTS', 'AI', '2026-03-26', false],
    ['Ministral 3', 'CL', '2026-01-13', false],
    ['Mixture of Tokens: Continuous MoE through Cross-Example Aggregation', 'CL', '2023-10-24', false],
    ['Magistral', 'CL', '2025-06-12', true],
    ['Scaling Laws for Fine-Grained Mixture of Experts', 'LG', '2024-02-12', false],
    ['$μ$-Parametrization for Mixture of Experts', 'LG', '2025-08-13', true],
    ['Devstral: Fine-tuning Language Models for Coding Agent Applications', 'SE', '2025-08-08', true],
    ['MoE-Mamba: Efficient Selective State Space Models with Mixture of Experts', 'LG', '2024-01-08', false],
    ['Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient', 'LG', '2025-02-07', false],
    ['Voxtral', 'SD', '2025-07-17', false],
    ['Voxtral Realtime', 'AI', '2026-02-11', false],
    ['Decoupled Relative Learning Rate Schedules', 'LG', '2025-07-04', false],
    ['Projected Compression: Trainable Projection for Efficient Transformer Compression', 'LG', '2025-06-27', false],
  ])('reads "%s" as %s, %s, code=%s', (title, category, date, hasCode) => {
    const entry = profile.entries.find((e) => e.title === title);
    expect(entry).toMatchObject({ category, date, hasCode });
  });

  it('splits authors, "et al." and the affiliation line', () => {
    const [voxtralTts, ministral] = profile.entries;
    expect(voxtralTts).toMatchObject({
      authors: ['Alexander H. Liu', 'Alexis Tacnet', 'Andy Ehrenberg'],
      etAl: true,
      affiliation: 'deepmind, tsinghua',
    });
    expect(ministral?.affiliation).toBeNull();
    expect(profile.entries.find((e) => e.title === 'Magistral')?.authors[0]).toBe('Mistral-AI');
  });

  it('unescapes percent signs in abstracts and keeps other LaTeX', () => {
    expect(profile.entries[0]?.abstract).toContain('achieving a 68.4% win rate');
    expect(profile.entries[0]?.abstract).not.toContain('\\%');
    const rlrs = profile.entries.find((e) => e.title === 'Decoupled Relative Learning Rate Schedules');
    expect(rlrs?.abstract).toContain('up to $23%$');
  });
});

describe('parseProfile on malformed input', () => {
  const lines = realProfile.split('\n');
  const withLine = (index: number, replacement: string) =>
    [...lines.slice(0, index), replacement, ...lines.slice(index + 1)].join('\n');
  const headerIndex = lines.indexOf('LGAug 13, 2025Code');

  it('names the line of a paper header without a category code', () => {
    expect(() => parseProfile(withLine(headerIndex, 'Aug 13, 2025Code'))).toThrow(
      `line ${headerIndex + 1}: expected a paper header (category code glued to a date, optional Code tag) like "LGAug 13, 2025Code" or "AIMar 26", found "Aug 13, 2025Code"`,
    );
  });

  it('rejects a date that is not in the calendar', () => {
    expect(() => parseProfile(withLine(headerIndex, 'LGFeb 30, 2025'))).toThrow(
      `line ${headerIndex + 1}: "Feb 30" is not a calendar date`,
    );
  });

  it('names a broken header figure', () => {
    expect(() => parseProfile(withLine(3, 'h-index twenty'))).toThrow(
      'line 4: expected the h-index figure like "h-index27", found "h-index twenty"',
    );
  });

  it('notices a missing abstract', () => {
    const abstractIndex = lines.findIndex((line) => line.startsWith('Recent years have seen'));
    expect(() => parseProfile(withLine(abstractIndex, ''))).toThrow(/expected the abstract of "\$μ\$-Parametrization/);
  });

  it('checks the announced paper count', () => {
    expect(() => parseProfile(realProfile.replace('13 Papers', '14 Papers'))).toThrow(
      'line 10: the profile announces 14 papers but lists 13',
    );
  });

  it('says where a truncated file ended', () => {
    expect(() => parseProfile(lines.slice(0, headerIndex + 2).join('\n'))).toThrow(
      /the file ended where the author line of "\$μ\$-Parametrization for Mixture of Experts" was expected/,
    );
  });

  it('rejects an empty file', () => {
    expect(() => parseProfile('')).toThrow(ProfileParseError);
  });
});
