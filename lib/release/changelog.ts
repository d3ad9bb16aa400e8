/**
 * The release step of CHANGELOG.md (Keep a Changelog style): the notes under
 * `## Unreleased` become the new version's section, dated, and an empty
 * `## Unreleased` stays on top for the next changes.
 */
export class ChangelogError extends Error {
  override name = 'ChangelogError';
}

const UNRELEASED = /^## Unreleased[ \t]*$/m;

export function releaseChangelog(text: string, version: string, date: string): string {
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new ChangelogError(`"${version}" is not a semantic version`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ChangelogError(`"${date}" is not an ISO date`);
  const heading = UNRELEASED.exec(text);
  if (!heading) throw new ChangelogError('CHANGELOG.md has no "## Unreleased" section to release');
  if (new RegExp(`^## ${version.replaceAll('.', '\\.')}\\b`, 'm').test(text)) {
    throw new ChangelogError(`CHANGELOG.md already has a section for ${version}`);
  }
  const start = heading.index + heading[0].length;
  const next = text.slice(start).search(/^## /m);
  const end = next === -1 ? text.length : start + next;
  const notes = text.slice(start, end).trim();
  if (!notes) throw new ChangelogError('"## Unreleased" is empty: say what changed before releasing');
  const rest = text.slice(end);
  return `${text.slice(0, heading.index)}## Unreleased\n\n## ${version} — ${date}\n\n${notes}\n${rest ? `\n${rest}` : ''}`;
}
