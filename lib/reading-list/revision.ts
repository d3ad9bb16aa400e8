import { storage } from 'wxt/utils/storage';
import { REVISION_KEY, type ReadingListRevision } from './revision-reader';

/**
 * Bumped by the background after every reading-list write, with the ids it
 * changed, so open pages (popup, reading list) and badge cards update what
 * changed when another tab or the context menu saves.
 */
export const readingListRevision = storage.defineItem<ReadingListRevision | null>(`local:${REVISION_KEY}`, {
  fallback: null,
});
