import type { ReadingListClient } from '../../lib/reading-list/client';
import type { ReadingListEntry } from '../../lib/reading-list/schema';
import { RemovedNotice } from '../reading-list/RemovedNotice';

interface SaveNoticesProps {
  client: ReadingListClient;
  /** The last failure to save or unsave, in words. */
  error: string | null;
  /** The entry just unsaved, until its Undo expires. */
  removed: ReadingListEntry | null;
}

/** Under the search: a save that failed, or an unsave that can be undone. */
export function SaveNotices({ client, error, removed }: SaveNoticesProps) {
  return (
    <>
      {error && (
        <p class="notice error popup-notice" role="alert">
          {error}
        </p>
      )}
      <div class="popup-notice-slot" role="status" aria-live="polite">
        {removed && (
          <RemovedNotice
            client={client}
            title={removed.title}
            from=" from the reading list"
            class="notice popup-notice"
          />
        )}
      </div>
    </>
  );
}
