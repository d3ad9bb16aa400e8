import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { textCasesPage } from './text-cases-page';

const FIXTURES = resolve('tests/fixtures/pages');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Pages built from the shared tables, so Chromium's and Firefox's tests read the same page. */
const GENERATED: Record<string, () => string> = { '/text-cases.html': textCasesPage };

/** Serves `tests/fixtures/pages/` (and the GENERATED pages) on 127.0.0.1 at a free port. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const generated = GENERATED[path];
    if (generated) {
      response.writeHead(200, { 'content-type': TYPES['.html'] as string }).end(generated());
      return;
    }
    const file = join(FIXTURES, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(FIXTURES)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
