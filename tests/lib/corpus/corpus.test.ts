import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_PATH, generateCorpusJson } from '../../../data/build-corpus';
import { buildCorpusContent, CorpusJoinError } from '../../../lib/corpus/build';
import { parseProfile } from '../../../lib/corpus/parse-profile';
import { CorpusSchema, PaperFactsSchema } from '../../../lib/corpus/schema';
import { describeZodError } from '../../../lib/zod-error';

const committed = readFileSync(CORPUS_PATH, 'utf8');
const corpus = CorpusSchema.parse(JSON.parse(committed));
const byId = (id: string) => corpus.papers.find((paper) => paper.id === id);

describe('data/corpus.json', () => {
  it('is exactly what `npm run corpus` generates (rerun it after editing the sources)', () => {
    expect(committed).toBe(generateCorpusJson());
  });

  it('holds the 13 verified papers with their arXiv ids and categories', () => {
    expect(corpus.papers.map((paper) => [paper.id, paper.primaryCategory]).sort()).toEqual(
      [
        ['2603.25551', 'cs.AI'],
        ['2601.08584', 'cs.CL'],
        ['2310.15961', 'cs.CL'],
        ['2506.10910', 'cs.CL'],
        ['2402.07871', 'cs.LG'],
        ['2508.09752', 'cs.LG'],
        ['2509.25193', 'cs.SE'],
        ['2401.04081', 'cs.LG'],
        ['2502.05172', 'cs.LG'],
        ['2507.13264', 'cs.SD'],
        ['2602.11298', 'cs.AI'],
        ['2507.03526', 'cs.LG'],
        ['2506.22255', 'cs.LG'],
      ].sort(),
    );
  });

  it('keeps raw and display titles apart', () => {
    expect(byId('2508.09752')).toMatchObject({
      title: '$μ$-Parametrization for Mixture of Experts',
      displayTitle: 'μ-Parametrization for Mixture of Experts',
      normalizedTitle: 'mu parametrization for mixture of experts',
    });
  });

  it('uses the fuller author lists and marks the truncated ones', () => {
    expect(byId('2402.07871')?.authors).toHaveLength(12);
    expect(byId('2402.07871')?.authorsTruncated).toBe(false);
    expect(byId('2506.10910')).toMatchObject({ authorsTruncated: true });
    expect(byId('2506.10910')?.authors.slice(0, 3)).toEqual(['Mistral-AI', 'Abhinav Rastogi', 'Albert Q. Jiang']);
  });

  it('keeps the profile date even where the id suggests another month', () => {
    expect(byId('2509.25193')?.date).toBe('2025-08-08');
  });

  it('lists papers newest first', () => {
    const dates = corpus.papers.map((paper) => paper.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('has the profile figures', () => {
    expect(corpus.author).toEqual({
      name: 'Jan Ludziejewski',
      primaryCategory: 'LG',
      primaryCategoryName: 'Machine Learning',
      hIndex: 27,
      papers: 13,
      citations: 422,
      novelty: 0.5,
      aiScore: 58,
    });
  });
});

describe('CorpusSchema', () => {
  it('names the bad field of an invalid corpus', () => {
    const broken = JSON.parse(committed);
    broken.papers[3].id = '2506.109';
    broken.papers[5].date = '2025-13-01';
    const result = CorpusSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const message = describeZodError(result.error!);
    expect(message).toContain('papers.3.id: must be a bare arXiv id like 2402.07871');
    expect(message).toMatch(/papers\.5\.date: /);
  });

  it('rejects duplicate ids', () => {
    const broken = JSON.parse(committed);
    broken.papers[1].id = broken.papers[0].id;
    expect(describeZodError(CorpusSchema.safeParse(broken).error!)).toContain('papers.1.id: duplicate paper id');
  });
});

describe('buildCorpusContent', () => {
  const profile = parseProfile(readFileSync(new URL('../../../data/author-profile.txt', import.meta.url), 'utf8'));
  const facts = PaperFactsSchema.parse(
    JSON.parse(readFileSync(new URL('../../../data/paper-facts.json', import.meta.url), 'utf8')),
  );

  it('refuses a profile paper without verified facts, naming it', () => {
    const partial = { ...facts, papers: facts.papers.filter((fact) => fact.arxivId !== '2507.13264') };
    expect(() => buildCorpusContent(profile, partial)).toThrow(CorpusJoinError);
    expect(() => buildCorpusContent(profile, partial)).toThrow(/no verified facts \(arXiv id\) for "Voxtral"/);
  });

  it('refuses facts whose category contradicts the profile', () => {
    const wrong = {
      ...facts,
      papers: facts.papers.map((fact) =>
        fact.arxivId === '2507.13264' ? { ...fact, primaryCategory: 'cs.LG' } : fact,
      ),
    };
    expect(() => buildCorpusContent(profile, wrong)).toThrow(
      '"Voxtral" is cs.SD in the profile but cs.LG in the facts',
    );
  });
});
