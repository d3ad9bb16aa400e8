import { storage } from 'wxt/utils/storage';

/**
 * Bumped by the background after every reading-list write, so open pages
 * (popup, reading list) refresh when another tab or the context menu saves.
 */
export const readingListRevision = storage.defineItem<string>('local:readingListRevision', { fallback: '' });
