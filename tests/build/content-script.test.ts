import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBuilt, TARGETS } from './built';

/**
 * What a page pays for Paperlens before it does anything, gzipped: every page the content script, paper
 * pages (arXiv, OpenReview…) the paper-page script as well.
 */
const BUDGET_GZIP_BYTES = 15 * 1024;
const SCRIPTS = TARGETS.flatMap((target) =>
  ['annotate-page.js', 'annotate-paper.js'].map((file) => [target, file] as const),
);

describe.each(SCRIPTS)('the %s content script %s', (target, file) => {
  const code = readBuilt(target, file);

  it(`stays within its ${BUDGET_GZIP_BYTES / 1024} KB gzipped budget`, () => {
    expect(gzipSync(code).byteLength).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('carries no zod, no Preact and no WXT storage runtime (each would cost every page kilobytes)', () => {
    expect(code).not.toMatch(/ZodError|\$ZodType/);
    expect(code).not.toMatch(/__PREACT_DEVTOOLS__|preact/i);
    expect(code).not.toMatch(/defineItem/);
  });

  it('tells the page nothing: no window messages, no events a page could hear or replay', () => {
    expect(code).not.toMatch(/postMessage\(/);
    expect(code).not.toMatch(/content-script-started|new CustomEvent/);
  });
});
