import type { z } from 'zod';

/**
 * Formats a zod error as one line per problem, each naming the field path
 * (`papers.3.id: must be a bare arXiv id like 2402.07871`).
 */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}
