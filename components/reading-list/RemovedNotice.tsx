import type { ReadingListClient } from '../../lib/reading-list/client';

interface RemovedNoticeProps {
  client: ReadingListClient;
  /** The title of the entry just removed. */
  title: string;
  /** Where it went from, when the page does not say: " from the reading list". */
  from?: string;
  class: string;
}

/** "Removed “…”." and the button that puts the entry back, notes and all. */
export function RemovedNotice({ client, title, from = '', class: className }: RemovedNoticeProps) {
  return (
    <p class={className}>
      Removed “{title}”{from}.{' '}
      <button type="button" class="link-button" onClick={() => void client.undoRemove()}>
        Undo
      </button>
    </p>
  );
}
