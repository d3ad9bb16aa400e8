import { useState } from 'preact/hooks';
import { formatDate, plural } from '../../lib/format';
import type { FollowedAuthor } from '../../lib/library/schema';
import type { LibraryJob } from '../../lib/library/status';
import type { RowPosition } from '../use-window-rows';
import { AuthorFigures } from './AuthorFigures';
import { AuthorSources } from './AuthorSources';
import type { ArxivActions } from './arxiv-actions';
import type { AuthorEdits } from './author-edits';
import { InlineEditor } from './InlineEditor';
import { JobLine } from './JobLine';
import { UnfollowConfirm } from './UnfollowConfirm';

interface AuthorRowProps {
  author: FollowedAuthor;
  papers: number;
  job: LibraryJob | undefined;
  edits: AuthorEdits;
  arxiv: ArxivActions;
  /** Where the row stands in a list that draws only some of its rows, and how its height is measured. */
  position?: RowPosition;
}

type Open = 'rename' | 'variants' | 'unfollow' | null;

/** One followed author: colour, papers, sources, figures, and what can be done to them. */
export function AuthorRow({ author, papers, job, edits, arxiv, position }: AuthorRowProps) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const refresh = () => void arxiv.refresh([author.id]);
  return (
    <li
      class="author-row"
      data-paperlens-author={author.name}
      ref={position?.measure}
      data-index={position?.index}
      aria-posinset={position && position.index + 1}
      aria-setsize={position?.of}
      style={position?.gap ? { marginTop: `${position.gap}px` } : undefined}
    >
      <span class="author-swatch" style={{ background: author.color }} aria-hidden="true" />
      <div class="author-body">
        <h3>{author.name}</h3>
        <p class="author-meta">
          {plural(papers, 'paper')} in the library · Last refresh:{' '}
          {author.refreshedAt ? <time dateTime={author.refreshedAt}>{formatDate(author.refreshedAt)}</time> : 'never'}
          {author.arxivQuery && ` · arXiv query ${author.arxivQuery}`}
        </p>
        {author.variants.length > 0 && <p class="author-meta">Also written {author.variants.join(', ')}</p>}
        <AuthorSources sources={author.sources} />
        {author.profile && <AuthorFigures profile={author.profile} />}
        {job && <JobLine job={job} onRetry={refresh} />}
        <div class="author-actions">
          {author.arxivQuery && (
            <button type="button" onClick={refresh}>
              Refresh now
            </button>
          )}
          <button type="button" aria-expanded={open === 'rename'} onClick={() => setOpen('rename')}>
            Rename
          </button>
          <button type="button" aria-expanded={open === 'variants'} onClick={() => setOpen('variants')}>
            Name variants
          </button>
          <button type="button" aria-expanded={open === 'unfollow'} onClick={() => setOpen('unfollow')}>
            Unfollow
          </button>
        </div>
        {open === 'rename' && (
          <InlineEditor
            label="Name"
            initial={author.name}
            onSave={(name) => edits.rename(author, name)}
            onCancel={close}
          />
        )}
        {open === 'variants' && (
          <InlineEditor
            label="Other spellings"
            hint="Separated by commas, as author lists write them: M. Pioro, Maciej Pioro"
            initial={author.variants.join(', ')}
            onSave={(text) => edits.setVariants(author, text)}
            onCancel={close}
          />
        )}
        {open === 'unfollow' && (
          <UnfollowConfirm name={author.name} onConfirm={() => edits.unfollow(author)} onCancel={close} />
        )}
      </div>
    </li>
  );
}
