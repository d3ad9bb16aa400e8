import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/content-messages';
import { onReadingListChanged } from '../../lib/reading-list/revision-reader';
import { onSettingsChanged, readSettings } from '../../lib/settings/reader';
import type { PaperPageServices } from './annotate-paper';

/**
 * The page annotator's services over the extension's messages. A content
 * script left behind by an extension that was updated or removed can no
 * longer reach it: the first message that fails then calls `orphaned`, so
 * the old script takes its badges away instead of leaving them stale.
 */
export function pageServices(orphaned: () => void): PaperPageServices {
  const send = <T>(answer: Promise<T>): Promise<T> =>
    answer.catch((error: unknown) => {
      if (browser.runtime?.id == null) orphaned();
      throw error;
    });
  return {
    lookup: (request) => send(sendToBackground('lookupPapers', request)),
    libraryFilter: () => send(sendToBackground('getLibraryFilter', undefined)),
    listingAuthors: (request) => send(sendToBackground('matchListingAuthors', request)),
    reportPapers: (ids, part) => send(sendToBackground('reportPapersOnPage', { ids, part })),
    save: (paper, pageUrl) =>
      send(
        sendToBackground('saveToReadingList', { id: paper.id, source: { url: pageUrl, linkText: paper.displayTitle } }),
      ),
    saveOther: (id, title, pageUrl) =>
      send(sendToBackground('saveToReadingList', { id, title, source: { url: pageUrl, linkText: title } })),
    relate: (request) => send(sendToBackground('relatePaper', request)),
    unsave: (paper) => send(sendToBackground('removeFromReadingList', { id: paper.id })),
    undoRemove: (paper) => send(sendToBackground('undoRemoveFromReadingList', { id: paper.id })),
    openInsights: (paper) =>
      void send(sendToBackground('openExtensionPage', { page: 'insights', paperId: paper.id })).catch(() => {}),
    settings: readSettings,
    watchSettings: onSettingsChanged,
    watchReadingList: onReadingListChanged,
  };
}
