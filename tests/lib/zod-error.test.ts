import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '../../lib/zod-error';

describe('describeZodError', () => {
  const Schema = z.object({ papers: z.array(z.object({ id: z.string().regex(/^\d+$/, 'must be digits') })) });

  it('names the path of each problem, one per line', () => {
    const result = Schema.safeParse({ papers: [{ id: '1' }, { id: 'x' }, {}] });
    expect(describeZodError(result.error as z.ZodError).split('\n')).toEqual([
      'papers.1.id: must be digits',
      expect.stringMatching(/^papers\.2\.id: /),
    ]);
  });

  it('says (root) for a problem with the value itself', () => {
    const result = Schema.safeParse(42);
    expect(describeZodError(result.error as z.ZodError)).toMatch(/^\(root\): /);
  });
});
