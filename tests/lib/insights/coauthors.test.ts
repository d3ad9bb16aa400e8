import { describe, expect, it } from 'vitest';
import { buildCoauthorIndex } from '../../../lib/insights/coauthors';

describe('buildCoauthorIndex', () => {
  const index = buildCoauthorIndex(
    [
      { id: '2401.00001', date: '2024-01-01', authors: ['Ann Lee', 'Jan Ludziejewski', 'Bo Chen'] },
      { id: '2402.00001', date: '2024-02-01', authors: ['Mistral-AI', 'Bo Chen', 'Jan Ludziejewski'] },
      { id: '2403.00001', date: '2024-03-01', authors: ['Bo Chen', 'Bo Chen', 'Cy Dee'] },
    ],
    'Jan Ludziejewski',
    ['Mistral-AI'],
  );

  it('counts shared papers, most frequent first, newest paper first', () => {
    expect(index[0]).toEqual({ name: 'Bo Chen', paperIds: ['2403.00001', '2402.00001', '2401.00001'], count: 3 });
    expect(index.map((c) => c.name)).toEqual(['Bo Chen', 'Ann Lee', 'Cy Dee']);
  });

  it('leaves out the author and groups', () => {
    expect(index.map((c) => c.name)).not.toContain('Mistral-AI');
    expect(index.map((c) => c.name)).not.toContain('Jan Ludziejewski');
  });
});
