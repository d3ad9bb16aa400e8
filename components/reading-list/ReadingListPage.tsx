import { useSettings } from '../use-settings';
import { ReadingListView } from './ReadingListView';
import { useReadingList } from './use-reading-list';

/** `reading-list.html`: the whole reading list with notes, tags, export and import. */
export function ReadingListPage() {
  useSettings();
  const [client, state] = useReadingList();
  return (
    <main class="page">
      <h1>Reading list</h1>
      <ReadingListView client={client} state={state} />
    </main>
  );
}
