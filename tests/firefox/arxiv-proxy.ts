import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { TLSSocket } from 'node:tls';
import { type ArxivAnswers, arxivAnswer } from '../e2e/arxiv-api';

const tls = (name: string) => readFileSync(resolve('tests/fixtures/tls', name));

export interface ArxivProxy {
  port: number;
  /** Every URL asked of export.arxiv.org, and every CONNECT to any other host (which is refused). */
  requests: string[];
  refused: string[];
  close(): Promise<void>;
}

/** What the fake export.arxiv.org answers to one request. */
export interface ArxivReply {
  status: number;
  type: string;
  body: string | Uint8Array;
}

/**
 * An HTTPS proxy for Firefox that plays export.arxiv.org (as Playwright's
 * routing does for Chromium): it accepts CONNECT to export.arxiv.org only,
 * ends TLS with a throwaway certificate (tests/fixtures/tls), and answers
 * every request with `site`. Any other host is refused and recorded.
 */
export async function startExportArxiv(site: (url: URL) => ArxivReply): Promise<ArxivProxy> {
  const requests: string[] = [];
  const refused: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'https://export.arxiv.org');
    requests.push(url.toString());
    const { status, type, body } = site(url);
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  const proxy: Server = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request: IncomingMessage, socket: Socket) => {
    if (request.url !== 'export.arxiv.org:443') {
      refused.push(request.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const secure = new TLSSocket(socket, {
      isServer: true,
      key: tls('export.arxiv.org.key'),
      cert: tls('export.arxiv.org.crt'),
    });
    server.emit('connection', secure);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    port: (proxy.address() as AddressInfo).port,
    requests,
    refused,
    close: () => new Promise<void>((done) => proxy.close(() => done())),
  };
}

/** export.arxiv.org answering the arXiv API from the recorded fixtures, `answers` by query and start. */
export function startArxivProxy(answers: ArxivAnswers): Promise<ArxivProxy> {
  const served = new Map<string, number>();
  return startExportArxiv((url) => ({ ...arxivAnswer(answers, served, url), type: 'application/atom+xml' }));
}
