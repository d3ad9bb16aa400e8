import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;
export type Target = (typeof TARGETS)[number];

export const outDir = (target: Target) => resolve('.output', target);

/** Reads a file of a build; fails with what to run when the build is missing. */
export function readBuilt(target: Target, file: string): string {
  const path = resolve(outDir(target), file);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` and \`npm run build:firefox\` first`);
  }
  return readFileSync(path, 'utf8');
}

// biome-ignore lint/suspicious/noExplicitAny: a manifest is loosely typed JSON; tests check its shape.
export type Manifest = Record<string, any>;

export function manifestOf(target: Target): Manifest {
  return JSON.parse(readBuilt(target, 'manifest.json'));
}

export const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
