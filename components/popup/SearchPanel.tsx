import { useMemo, useRef, useState } from 'preact/hooks';
import type { Coauthor, Paper } from '../../lib/corpus/schema';
import { authorLine, formatDate, noveltyExplanation, plural } from '../../lib/format';
import { closestEarlierTitle } from '../../lib/insights/novelty';
import { abstractUrl } from '../../lib/links/arxiv-id';
import { createPaperSearch, type SearchSort } from '../../lib/search';
import { CategoryChip } from '../CategoryChip';
import { Highlighted } from '../Highlighted';
import { NoveltyMeter } from '../NoveltyMeter';
import { SaveToggle } from '../SaveToggle';

export interface SearchPanelProps {
  papers: Paper[];
  coauthors: Coauthor[];
  isSaved(id: string): boolean;
  toggleSave(paper: Paper): void;
  /** Opens a URL in a new tab. */
  open(url: string): void;
  /** The sort in use (the user's last choice is remembered in settings). */
  sort: SearchSort;
  sortChanged(sort: SearchSort): void;
  /** The papers are still on their way from the background. */
  loading?: boolean;
}

const SORTS: [SearchSort, string][] = [
  ['relevance', 'Relevance'],
  ['newest', 'Newest'],
  ['novel', 'Most novel'],
];

/**
 * Search over the author's papers: a focused search box, category chips, year
 * and code filters, a sort, and the results. Keyboard: ↓/↑ move through the
 * results, Enter opens a paper, Shift+Enter saves it, Escape clears the query.
 */
export function SearchPanel({
  papers,
  coauthors,
  isSaved,
  toggleSave,
  open,
  sort,
  sortChanged,
  loading = false,
}: SearchPanelProps) {
  const search = useMemo(() => createPaperSearch(papers), [papers]);
  const facets = useMemo(() => search.facets(), [search]);
  const shared = useMemo(() => new Map(coauthors.map((c) => [c.name, c.count])), [coauthors]);
  const titles = useMemo(() => new Map(papers.map((p) => [p.id, p.displayTitle])), [papers]);
  const [query, setQuery] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [hasCode, setHasCode] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  const results = search.search(query, { categories, year, hasCode, sort });
  const filtered = categories.length > 0 || year !== null || hasCode;

  const rowLinks = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a.result-title') ?? [])];
  const focusRow = (index: number) => {
    const links = rowLinks();
    if (index < 0) input.current?.focus();
    else links[Math.min(index, links.length - 1)]?.focus();
  };
  const clear = () => {
    setQuery('');
    input.current?.focus();
  };

  const onInputKey = (event: KeyboardEvent) => {
    const first = results[0];
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'Enter' && first) {
      event.preventDefault();
      if (event.shiftKey) toggleSave(first.paper);
      else open(abstractUrl(first.paper.id));
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      clear();
    }
  };

  const onListKey = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-paperlens-id]');
    // The row in focus, whether its title link or its Save button has the focus.
    const index = row ? [...(list.current?.children ?? [])].indexOf(row) : -1;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index - 1);
    } else if (event.key === 'Enter' && event.shiftKey && row) {
      event.preventDefault();
      const paper = papers.find((p) => p.id === row.dataset.paperlensId);
      if (paper) toggleSave(paper);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      clear();
    }
  };

  const toggleCategory = (code: string) =>
    setCategories((current) => (current.includes(code) ? current.filter((c) => c !== code) : [...current, code]));

  return (
    <section class="search" aria-label="Search papers">
      <div class="search-box">
        <label for="paperlens-search" class="visually-hidden">
          Search the author's papers
        </label>
        <input
          id="paperlens-search"
          ref={input}
          type="search"
          placeholder="Search titles, authors, abstracts…"
          // biome-ignore lint/a11y/noAutofocus: the popup exists to search; it opens with the box focused, as users expect.
          autoFocus
          autoComplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onInputKey}
          aria-describedby="search-help"
        />
      </div>
      <p id="search-help" class="visually-hidden">
        Down arrow moves to the results; Enter opens a paper; Shift+Enter saves it to the reading list; Escape clears
        the search.
      </p>
      <fieldset class="filters">
        <legend class="visually-hidden">Filters</legend>
        {facets.categories.map((category) => (
          <button
            key={category.code}
            type="button"
            class="filter-chip"
            aria-pressed={categories.includes(category.code)}
            onClick={() => toggleCategory(category.code)}
            title={category.name}
          >
            <CategoryChip code={category.code} name={category.name} /> {category.count}
          </button>
        ))}
        <label class="filter-select">
          <span class="visually-hidden">Year</span>
          <select
            value={year ?? ''}
            onChange={(event) => setYear(event.currentTarget.value ? Number(event.currentTarget.value) : null)}
          >
            <option value="">Any year</option>
            {facets.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label class="filter-check">
          <input type="checkbox" checked={hasCode} onChange={(event) => setHasCode(event.currentTarget.checked)} />
          Has code
        </label>
        <label class="filter-select">
          <span class="visually-hidden">Sort by</span>
          <select
            value={sort}
            onChange={(event) => {
              const next = event.currentTarget.value as SearchSort;
              sortChanged(next);
            }}
          >
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {value === 'relevance' && !query.trim() ? 'Newest (no query)' : label}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p class="result-count" role="status" aria-live="polite">
        {loading
          ? 'Loading papers…'
          : results.length === 0
            ? query.trim()
              ? `No papers match “${query.trim()}”${filtered ? ' with these filters' : ''}.`
              : 'No papers match these filters.'
            : plural(results.length, 'paper')}
        {results.length === 0 && filtered && (
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setCategories([]);
              setYear(null);
              setHasCode(false);
            }}
          >
            Clear filters
          </button>
        )}
      </p>
      <ol class="results" ref={list} onKeyDown={onListKey} aria-label="Papers">
        {results.map(({ paper, terms }) => {
          const paperCoauthors = paper.authors.filter((name) => shared.has(name));
          return (
            <li key={paper.id} class="result" data-paperlens-id={paper.id}>
              <a
                class="result-title"
                href={abstractUrl(paper.id)}
                target="_blank"
                rel="noreferrer"
                title={`Open arXiv:${paper.id}`}
              >
                <Highlighted text={paper.displayTitle} terms={terms} />
              </a>
              <div class="result-meta">
                <CategoryChip code={paper.category} name={paper.categoryName} />
                <time dateTime={paper.date}>{formatDate(paper.date)}</time>
                <NoveltyMeter
                  score={paper.novelty.score}
                  title={noveltyExplanation(
                    paper.novelty,
                    closestEarlierTitle(paper.novelty, (id) => titles.get(id)),
                  )}
                />
                {paper.hasCode && <span class="code-tag">code</span>}
              </div>
              <p class="result-authors">
                {/* A row has room for five names: "et al." stands for the rest, known or not. */}
                <Highlighted
                  text={authorLine(paper.authors.slice(0, 5), paper.authors.length > 5 || paper.authorsTruncated)}
                  terms={terms}
                />
              </p>
              {paperCoauthors.length > 0 && (
                <p class="result-coauthors">
                  {plural(paperCoauthors.length, 'coauthor')}:{' '}
                  {paperCoauthors
                    .slice(0, 3)
                    .map((name) => `${name} (${shared.get(name)})`)
                    .join(', ')}
                  {paperCoauthors.length > 3 ? ` +${paperCoauthors.length - 3}` : ''}
                </p>
              )}
              <SaveToggle saved={isSaved(paper.id)} title={paper.displayTitle} onToggle={() => toggleSave(paper)} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
