import { storage } from 'wxt/utils/storage';
import { REVISION_KEY } from './revision-reader';

/**
 * Bumped by the background after every reading-list write, so open pages
 * (popup, reading list) and badge cards refresh when another tab or the context menu saves.
 */
export const readingListRevision = storage.defineItem<string>(`local:${REVISION_KEY}`, { fallback: '' });
