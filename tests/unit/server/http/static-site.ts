// A small built site in a temporary folder, served by the real request listener and static files on
// a loopback port, for tests that speak raw HTTP to it. The Astro handler answers every route with
// "no route" (next), as it does for any path that is not an on-demand page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPolicies } from '../../../../src/server/http/content-security-policy.ts';
import { createRequestListener } from '../../../../src/server/http/request-handler.ts';
import { createSecureResponse } from '../../../../src/server/http/security-headers.ts';
import { createStaticFiles } from '../../../../src/server/http/static-files.ts';

export interface StaticSite {
  dist: string;
  port: number;
  close(): Promise<void>;
}

/** `files`: paths under dist/client and their contents. */
export async function serveStaticSite(files: Record<string, string>): Promise<StaticSite> {
  const dist = mkdtempSync(join(tmpdir(), 'ft-static-'));
  const clientDir = join(dist, 'client');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(clientDir, path)), { recursive: true });
    writeFileSync(join(clientDir, path), content);
  }
  const policies = createPolicies({ dist, publicNewsletterAction: '' });
  const server = http.createServer(
    createRequestListener({
      clientDir,
      staticFiles: createStaticFiles(clientDir),
      policies,
      secureResponse: createSecureResponse({ siteUrl: 'http://localhost', policies }),
      astroHandler: async (_req, _res, next) => next(),
      maxBodyBytes: 1024,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    dist,
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `requestLine` as written (no client library normalises its path) with `headers`, and reads
 * the answer until the server closes the connection.
 */
export function rawRequest(
  port: number,
  requestLine: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    const lines = Object.entries({ Host: 'localhost', Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`);
    socket.write([requestLine, ...lines, '', ''].join('\r\n'));
  });
}
