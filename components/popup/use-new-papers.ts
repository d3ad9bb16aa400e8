import { useEffect, useState } from 'preact/hooks';
import { libraryStatus } from '../../lib/library/status';
import { sendMessage } from '../../lib/messages';

/** The papers the latest arXiv refreshes added that the user has not seen, and how to say they were seen. */
export function useNewPapers(): { ids: ReadonlySet<string>; seen(): void } {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void libraryStatus.getValue().then((status) => setIds(new Set(status.newPapers)));
    return libraryStatus.watch((status) => setIds(new Set(status?.newPapers ?? [])));
  }, []);
  return { ids, seen: () => void sendMessage('markLibrarySeen', undefined).catch(() => {}) };
}
