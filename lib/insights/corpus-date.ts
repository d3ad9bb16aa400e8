// The date the insights page gives its data: the newest paper's.
import type { LibraryPaper as Paper } from '../library/schema';

/** The data's date: the newest paper's date (the corpus records no generation date). */
export function corpusDate(papers: readonly Pick<Paper, 'date'>[]): string | null {
  return papers.reduce<string | null>((newest, paper) => (newest && newest > paper.date ? newest : paper.date), null);
}
