import type { ReadingStatus } from './schema';

/** The statuses in reading order, and their names (a module of its own: page UI uses it without zod). */
export const STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];
export const STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };
