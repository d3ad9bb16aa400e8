import type { ReadingListClient, ReadingListState } from '../../lib/reading-list/client';

interface SaveNoticesProps {
  client: ReadingListClient;
  state: ReadingListState;
}

/** Under the search: a save that failed, or an unsave that can be undone. */
export function SaveNotices({ client, state }: SaveNoticesProps) {
  return (
    <>
      {state.error && (
        <p class="notice error popup-notice" role="alert">
          {state.error}
        </p>
      )}
      <div class="popup-notice-slot" role="status" aria-live="polite">
        {state.removed && (
          <p class="notice popup-notice">
            Removed “{state.removed.title}” from the reading list.{' '}
            <button type="button" class="link-button" onClick={() => void client.undoRemove()}>
              Undo
            </button>
          </p>
        )}
      </div>
    </>
  );
}
