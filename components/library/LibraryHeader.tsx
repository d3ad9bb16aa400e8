import { plural } from '../../lib/format';

const PAGES: [string, string][] = [
  ['/insights.html', 'Insights'],
  ['/reading-list.html', 'Reading list'],
  ['/options.html', 'Settings'],
];

/** The page title, the library's totals and links to the other pages. */
export function LibraryHeader({ papers, authors }: { papers: number; authors: number }) {
  return (
    <header class="library-header">
      <h1>Library</h1>
      <p class="library-totals">
        {plural(papers, 'paper')}, {plural(authors, 'followed author')}
      </p>
      <nav aria-label="Other Paperlens pages">
        {PAGES.map(([href, label]) => (
          <a key={href} href={href}>
            {label}
          </a>
        ))}
      </nav>
    </header>
  );
}
