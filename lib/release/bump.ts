/**
 * Run by `npm version <new>` (the package.json "version" script), after npm
 * has written the new version: dates the Unreleased notes in CHANGELOG.md.
 * The manifest takes its version from package.json at build time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ChangelogError, releaseChangelog } from './changelog';

const version = process.env.npm_package_version ?? JSON.parse(readFileSync('package.json', 'utf8')).version;
try {
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync('CHANGELOG.md', releaseChangelog(readFileSync('CHANGELOG.md', 'utf8'), version, today));
  console.log(`CHANGELOG.md: released ${version}`);
} catch (error) {
  console.error(error instanceof ChangelogError ? `CHANGELOG.md: ${error.message}` : error);
  process.exit(1);
}
