import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageJson } from './built';

/**
 * `npm run zip` / `zip:firefox` give store-ready archives, and the Firefox
 * sources archive (what Mozilla's reviewers rebuild) builds to exactly the
 * files of the Firefox archive.
 */
const OUTPUT = resolve('.output');
const version = packageJson.version;

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const digests = (files: Map<string, Buffer>) =>
  Object.fromEntries(
    [...files]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, data]) => [name, createHash('sha256').update(data).digest('hex')]),
  );

/** Runs a build as a user would: without vitest's NODE_ENV=test, which switches JSX to its dev transform. */
function run(args: string[], cwd = process.cwd()): string {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'])
    delete env[key];
  return execFileSync('npx', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
}

describe('store archives', () => {
  let sandbox: string;
  beforeAll(() => {
    run(['wxt', 'zip']);
    run(['wxt', 'zip', '-b', 'firefox']);
    sandbox = mkdtempSync(join(tmpdir(), 'paperlens-sources-'));
  });
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

  it('the Chrome archive holds exactly the Chrome build, manifest at the root', async () => {
    const zipped = await unzip(join(OUTPUT, `paperlens-${version}-chrome.zip`));
    expect(JSON.parse(zipped.get('manifest.json')?.toString() ?? '{}').version).toBe(version);
    expect(digests(zipped)).toEqual(digests(filesUnder(join(OUTPUT, 'chrome-mv3'))));
  });

  it('the Firefox sources archive rebuilds to exactly the files of the Firefox archive', async () => {
    const firefox = await unzip(join(OUTPUT, `paperlens-${version}-firefox.zip`));
    const sources = await unzip(join(OUTPUT, `paperlens-${version}-sources.zip`));
    expect([...sources.keys()]).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'README.md', 'wxt.config.ts']),
    );
    expect([...sources.keys()].some((name) => name.startsWith('tests/') || name.startsWith('node_modules/'))).toBe(
      false,
    );
    for (const [name, data] of sources) {
      const path = join(sandbox, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    // A reviewer runs `npm ci`; the same lockfile gives the same packages, so link ours instead of downloading.
    symlinkSync(resolve('node_modules'), join(sandbox, 'node_modules'), 'dir');
    run(['wxt', 'build', '-b', 'firefox'], sandbox);
    expect(digests(filesUnder(join(sandbox, '.output', 'firefox-mv3')))).toEqual(digests(firefox));
  });
});
