import { storage } from 'wxt/utils/storage';

/** How far the background is with a staged import: checking it for the preview, or writing it. */
export interface ImportProgress {
  importId: string;
  step: 'checking' | 'importing';
  done: number;
  total: number;
}

/** The background's progress through a staged import, for the page's progress bar (null when none runs). */
export const importProgress = storage.defineItem<ImportProgress | null>('local:libraryImportProgress', {
  fallback: null,
});
