// Made on first use: building an Intl formatter costs milliseconds, which the content
// script would otherwise spend on every page load, before any card needs a date.
let dateFormat: Intl.DateTimeFormat | undefined;

/** `2024-02-12` → `Feb 12, 2024` (the date as written, whatever the user's time zone). */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  dateFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  return dateFormat.format(date);
}

/** `plural(1, 'paper')` → `1 paper`, `plural(3, 'paper')` → `3 papers`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `0.8123` → `81%`. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/**
 * The authors to show and what follows them: the first `shown` names, then
 * "+N more" for the rest of the known list, or "et al." when the list itself
 * is incomplete.
 */
export function authorLine(authors: readonly string[], truncated: boolean, shown = 6): string {
  const visible = authors.slice(0, shown).join(', ');
  const hidden = authors.length - Math.min(shown, authors.length);
  if (hidden > 0) return `${visible} +${hidden} more${truncated ? ' (list incomplete)' : ''}`;
  return truncated ? `${visible} et al.` : visible;
}

/** Why a paper has its novelty, in one sentence. */
/** What stands for a novelty the background has not computed yet (after an import or refresh). */
export const NOVELTY_PENDING = 'Novelty: being worked out for the papers just added.';

export function noveltyExplanation(
  novelty: { score: number; similarity: number | null } | null,
  closestTitle: string | null,
): string {
  if (!novelty) return NOVELTY_PENDING;
  if (novelty.similarity === null || !closestTitle) {
    return `Novelty ${percent(novelty.score)}: the earliest paper in your library, so there is nothing earlier to compare it with.`;
  }
  return `Novelty ${percent(novelty.score)}: its closest earlier paper is “${closestTitle}” (${percent(novelty.similarity)} similar in title and abstract).`;
}
