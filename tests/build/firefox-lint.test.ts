import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { outDir } from './built';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe("Mozilla's add-on linter (web-ext lint)", () => {
  it('finds no errors, warnings or notices in the Firefox build', () => {
    let output: string;
    try {
      output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', outDir('firefox-mv3'), '--output', 'json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
      output = (error as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(output) as Record<'errors' | 'warnings' | 'notices', LintMessage[]>;
    const listed = (messages: LintMessage[]) => messages.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(listed(report.errors)).toEqual([]);
    expect(listed(report.warnings)).toEqual([]);
    expect(listed(report.notices)).toEqual([]);
  });
});
