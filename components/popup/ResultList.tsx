import type { RefObject } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Coauthor } from '../../lib/corpus/schema';
import type { LibraryPaper as Paper } from '../../lib/library/schema';
import type { SearchResult } from '../../lib/search';
import { ResultRow } from './ResultRow';

interface ResultListProps {
  results: SearchResult[];
  /** All the author's papers, for the titles that novelty explanations name. */
  papers: Paper[];
  coauthors: Coauthor[];
  isSaved(id: string): boolean;
  isNew(id: string): boolean;
  toggleSave(paper: Paper): void;
  listRef: RefObject<HTMLOListElement | null>;
  onKeyDown(event: KeyboardEvent): void;
}

/** The results, one row per paper, in the order given. */
export function ResultList({
  results,
  papers,
  coauthors,
  isSaved,
  isNew,
  toggleSave,
  listRef,
  onKeyDown,
}: ResultListProps) {
  const shared = useMemo(() => new Map(coauthors.map((c) => [c.name, c.count])), [coauthors]);
  const titles = useMemo(() => new Map(papers.map((p) => [p.id, p.displayTitle])), [papers]);
  return (
    <ol class="results" ref={listRef} onKeyDown={onKeyDown} aria-label="Papers">
      {results.map((result) => (
        <ResultRow
          key={result.paper.id}
          result={result}
          shared={shared}
          titleOf={(id) => titles.get(id)}
          saved={isSaved(result.paper.id)}
          isNew={isNew(result.paper.id)}
          toggleSave={() => toggleSave(result.paper)}
        />
      ))}
    </ol>
  );
}
