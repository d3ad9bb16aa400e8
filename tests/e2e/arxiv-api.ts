import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { EXTENSION_PATH } from '../helpers/chromium';

/**
 * The built extension with the arXiv API host permission granted up front: a
 * test cannot click the browser's permission prompt, so this copy lists the
 * optional host permission as a required one (unit tests cover the asking).
 */
export function extensionWithArxivPermission(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-arxiv-'));
  cpSync(EXTENSION_PATH, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...manifest.optional_host_permissions];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/arxiv-api', name), 'utf8');

/** What the routed API answers: per query, the recorded pages by `start`; or a status to fail with. */
export type ArxivAnswers = Record<string, Record<number, string | number | (string | number)[]>>;

/**
 * The recorded answer to one API request, by its query and start; an array
 * answers its items in turn (a 503, then the page). `served` counts the turns.
 */
export function arxivAnswer(
  answers: ArxivAnswers,
  served: Map<string, number>,
  url: URL,
): { status: number; body: string } {
  const query = url.searchParams.get('search_query') ?? '';
  const start = Number(url.searchParams.get('start') ?? 0);
  const key = `${query}@${start}`;
  const turn = served.get(key) ?? 0;
  served.set(key, turn + 1);
  const planned = answers[query]?.[start];
  const answer = Array.isArray(planned)
    ? (planned[Math.min(turn, planned.length - 1)] ?? 404)
    : (planned ?? 'empty.xml');
  return typeof answer === 'number' ? { status: answer, body: 'busy' } : { status: 200, body: fixture(answer) };
}

/** Serves the arXiv API at its real URL from recorded fixtures (see {@link arxivAnswer}). Records every request. */
export async function routeArxivApi(context: BrowserContext, answers: ArxivAnswers): Promise<string[]> {
  const requests: string[] = [];
  const served = new Map<string, number>();
  await context.route('https://export.arxiv.org/api/query**', async (route: Route) => {
    const url = new URL(route.request().url());
    requests.push(url.toString());
    const { status, body } = arxivAnswer(answers, served, url);
    return route.fulfill({ status, contentType: 'application/atom+xml', body });
  });
  return requests;
}
