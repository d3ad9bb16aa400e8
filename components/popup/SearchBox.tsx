import type { RefObject } from 'preact';

interface SearchBoxProps {
  query: string;
  queryChanged(query: string): void;
  onKeyDown(event: KeyboardEvent): void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The search box, focused when the popup opens, and its keyboard help for screen readers. */
export function SearchBox({ query, queryChanged, onKeyDown, inputRef }: SearchBoxProps) {
  return (
    <>
      <div class="search-box">
        <label for="paperlens-search" class="visually-hidden">
          Search the author's papers
        </label>
        <input
          id="paperlens-search"
          ref={inputRef}
          type="search"
          placeholder="Search titles, authors, abstracts…"
          // biome-ignore lint/a11y/noAutofocus: the popup exists to search; it opens with the box focused, as users expect.
          autoFocus
          autoComplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => queryChanged(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          aria-describedby="search-help"
        />
      </div>
      <p id="search-help" class="visually-hidden">
        Down arrow moves to the results; Enter opens a paper; Shift+Enter saves it to the reading list; Escape clears
        the search.
      </p>
    </>
  );
}
