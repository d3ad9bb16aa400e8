import { describe, expect, it } from 'vitest';
import { noveltyPoints } from '../../../lib/insights/novelty-points';
import { libraryPapers } from '../../helpers/db';

// Expected figures below were counted by hand from data/corpus.json, not produced by the code under test.
const papers = libraryPapers;

describe('noveltyPoints', () => {
  const points = noveltyPoints(papers);

  it('gives one point per paper, oldest first', () => {
    expect(points).toHaveLength(13);
    expect(points[0]?.id).toBe('2310.15961');
    expect(points.at(-1)?.id).toBe('2603.25551');
    // Devstral's profile date (Aug 8) is earlier than the μP paper's (Aug 13), though its id is later.
    expect(points.map((p) => p.id).indexOf('2509.25193')).toBeLessThan(points.map((p) => p.id).indexOf('2508.09752'));
  });

  it('explains each score by the closest earlier paper', () => {
    expect(points[0]).toMatchObject({ score: 1, date: '2023-10-24', category: 'CL' });
    expect(points[0]?.explanation).toContain('earliest paper in your library');
    const fineGrained = points.find((p) => p.id === '2402.07871');
    expect(fineGrained?.score).toBe(0.8063);
    expect(fineGrained?.explanation).toBe(
      'Novelty 81%: its closest earlier paper is “Mixture of Tokens: Continuous MoE through Cross-Example Aggregation” (19% similar in title and abstract).',
    );
  });
});

describe('noveltyPoints naming the closest earlier paper', () => {
  const fineGrained = papers.find((p) => p.id === '2402.07871')!;
  const bare = { ...fineGrained, novelty: { ...fineGrained.novelty!, closestEarlierTitle: undefined } };

  it('asks titleOf when the novelty carries no title (derived data not worked out yet)', () => {
    const [point] = noveltyPoints([bare], (id) => (id === '2310.15961' ? 'Mixture of Tokens' : undefined));
    expect(point?.explanation).toContain('its closest earlier paper is “Mixture of Tokens”');
  });

  it('uses the title the novelty carries, whatever titleOf says', () => {
    const [point] = noveltyPoints([fineGrained], () => 'something else');
    expect(point?.explanation).toContain('Mixture of Tokens: Continuous MoE');
  });
});
