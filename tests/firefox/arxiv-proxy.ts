import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { TLSSocket } from 'node:tls';
import { type ArxivAnswers, arxivAnswer } from '../e2e/arxiv-api';

const tls = (name: string) => readFileSync(resolve('tests/fixtures/tls', name));

export interface ArxivProxy {
  port: number;
  /** Every URL asked of the API, and every CONNECT to any other host (which is refused). */
  requests: string[];
  refused: string[];
  close(): Promise<void>;
}

/**
 * An HTTPS proxy for Firefox that answers the arXiv API from the recorded
 * fixtures (as Playwright's routing does for Chromium): it accepts CONNECT to
 * export.arxiv.org only, ends TLS with a throwaway certificate, and serves
 * `answers` by query and start. Any other host is refused and recorded.
 */
export async function startArxivProxy(answers: ArxivAnswers): Promise<ArxivProxy> {
  const requests: string[] = [];
  const refused: string[] = [];
  const served = new Map<string, number>();
  const api = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'https://export.arxiv.org');
    requests.push(url.toString());
    const { status, body } = arxivAnswer(answers, served, url);
    response.writeHead(status, { 'content-type': 'application/atom+xml' }).end(body);
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
    api.emit('connection', secure);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    port: (proxy.address() as AddressInfo).port,
    requests,
    refused,
    close: () => new Promise<void>((done) => proxy.close(() => done())),
  };
}
