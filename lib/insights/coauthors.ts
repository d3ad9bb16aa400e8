// Build time: the corpus's coauthor index, each coauthor with the papers they share with the author (lib/corpus/build.ts).
import type { Coauthor } from '../corpus/schema';

export interface AuthoredPaper {
  id: string;
  date: string;
  authors: readonly string[];
}

/**
 * Every coauthor of `author` with the corpus papers they share, most frequent
 * first (then by name). Group names such as "Mistral-AI" are not people and
 * are left out; paper ids are newest first.
 */
export function buildCoauthorIndex(
  papers: readonly AuthoredPaper[],
  author: string,
  groups: readonly string[],
): Coauthor[] {
  const excluded = new Set([author, ...groups]);
  const shared = new Map<string, AuthoredPaper[]>();
  for (const paper of papers) {
    for (const name of new Set(paper.authors)) {
      if (excluded.has(name)) continue;
      shared.set(name, [...(shared.get(name) ?? []), paper]);
    }
  }
  return [...shared]
    .map(([name, list]) => ({
      name,
      paperIds: [...list].sort((a, b) => b.date.localeCompare(a.date)).map((paper) => paper.id),
      count: list.length,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}
