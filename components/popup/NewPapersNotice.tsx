import { plural } from '../../lib/format';

/** "3 new papers from the authors you follow", marked "new" below until the user says they have seen them. */
export function NewPapersNotice({ count, seen }: { count: number; seen(): void }) {
  if (!count) return null;
  return (
    <p class="notice new-papers" role="status">
      {plural(count, 'new paper')} from the authors you follow since the last refresh.{' '}
      <button type="button" class="link-button" onClick={seen}>
        Mark as seen
      </button>
    </p>
  );
}
