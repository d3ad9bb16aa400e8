import { useEffect, useState } from 'preact/hooks';
import type { Library } from '../../lib/message-schemas';
import { sendMessage } from '../../lib/messages';
import { useSettings } from '../use-settings';
import { ReadingListView } from './ReadingListView';
import { useReadingList } from './use-reading-list';

/** `reading-list.html`: the whole reading list with notes, tags, export and import. */
export function ReadingListPage() {
  useSettings();
  const [client, state] = useReadingList();
  const [library, setLibrary] = useState<Library | null>(null);
  useEffect(() => {
    // The corpus gives corpus papers their authors and categories in exports; the list works without it.
    sendMessage('getLibrary', undefined).then(setLibrary, () => {});
  }, []);
  return (
    <main class="page">
      <h1>Reading list</h1>
      <ReadingListView client={client} state={state} papers={library?.papers ?? []} />
    </main>
  );
}
