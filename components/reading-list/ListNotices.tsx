import type { ReadingListClient, ReadingListState } from '../../lib/reading-list/client';
import { RemovedNotice } from './RemovedNotice';

interface ListNoticesProps {
  client: ReadingListClient;
  state: ReadingListState;
}

/** What went wrong (until dismissed), a removal to undo, or what an import did. */
export function ListNotices({ client, state }: ListNoticesProps) {
  return (
    <>
      {state.error && (
        <p class="notice error" role="alert">
          {state.error}
          <button type="button" class="link-button" onClick={() => client.dismiss()}>
            Dismiss
          </button>
        </p>
      )}
      <div class="notice-slot" role="status" aria-live="polite">
        {state.removed && <RemovedNotice client={client} title={state.removed.title} class="notice" />}
        {!state.removed && state.message && <p class="notice">{state.message}</p>}
      </div>
    </>
  );
}
