import { describe, expect, it } from 'vitest';
import { releaseChangelog } from '../../../lib/release/changelog';

const LOG = `# Changelog

All notable changes.

## Unreleased

### Added
- Badges.

## 0.1.0 — 2026-11-01

- First.
`;

describe('releaseChangelog', () => {
  it('turns the Unreleased notes into the dated version section and keeps an empty Unreleased on top', () => {
    expect(releaseChangelog(LOG, '0.2.0', '2026-11-29')).toBe(`# Changelog

All notable changes.

## Unreleased

## 0.2.0 — 2026-11-29

### Added
- Badges.

## 0.1.0 — 2026-11-01

- First.
`);
  });

  it('works when Unreleased is the only section', () => {
    expect(releaseChangelog('# Changelog\n\n## Unreleased\n\n- One.\n', '1.0.0', '2027-01-02')).toBe(
      '# Changelog\n\n## Unreleased\n\n## 1.0.0 — 2027-01-02\n\n- One.\n',
    );
  });

  it('refuses what would make a wrong changelog', () => {
    expect(() => releaseChangelog(LOG, 'v2', '2026-11-29')).toThrow(/not a semantic version/);
    expect(() => releaseChangelog(LOG, '0.1.0', '2026-11-29')).toThrow(/already has a section for 0\.1\.0/);
    expect(() => releaseChangelog('# Changelog\n', '0.2.0', '2026-11-29')).toThrow(/no "## Unreleased"/);
    expect(() => releaseChangelog('## Unreleased\n\n## 0.1.0 — x\n', '0.2.0', '2026-11-29')).toThrow(/is empty/);
    expect(() => releaseChangelog(LOG, '0.2.0', '29/11/2026')).toThrow(/ISO date/);
  });
});
