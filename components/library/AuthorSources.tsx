import { formatDate } from '../../lib/format';
import type { AuthorSource } from '../../lib/library/schema';

const KIND: Record<AuthorSource['kind'], string> = { bundled: 'Bundled', arxiv: 'arXiv', file: 'File' };

/** Where an author's papers came from: "arXiv (au:Pioro_M), Dec 3, 2026". */
export function AuthorSources({ sources }: { sources: readonly AuthorSource[] }) {
  if (!sources.length) return <p class="author-sources">Sources: none yet</p>;
  return (
    <p class="author-sources">
      Sources:{' '}
      {sources.map((source, i) => (
        <span key={`${source.kind}:${source.name}`}>
          {i > 0 && '; '}
          {KIND[source.kind]} ({source.name}), <time dateTime={source.at}>{formatDate(source.at)}</time>
        </span>
      ))}
    </p>
  );
}
