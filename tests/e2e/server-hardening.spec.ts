// The production server as an outside probe meets it, in raw HTTP that no browser or client library
// would normalise (issue 16, items 1, 3 and 4): no redirect to another host, unknown methods refused
// without a stack trace, no token in the log, and a missing hashed asset not cached.
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../../scripts/support/server.ts';

let server: RunningServer;
let output = '';

test.beforeAll(async () => {
  server = await startServer({ NEWSLETTER_SCHEDULER: 'off' });
  for (const stream of [server.child.stdout, server.child.stderr])
    stream?.on('data', (chunk: Buffer) => (output += chunk.toString()));
});
test.afterAll(() => server.stop());

interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

function raw(requestLine: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...body] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body: body.join('\r\n\r\n') });
    });
    socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
}

const header = (answer: RawAnswer, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(answer.head)?.[1]?.trim();

test('no path spelling redirects to another host', async () => {
  for (const path of [
    '/.//evil.com/x/..%2f..%2fadvice',
    '//evil.com/advice',
    '/.//evil.com/advice',
    '///evil.com/advice',
    '/%2f%2fevil.com/advice',
    '/\\evil.com/advice',
    '//evil.com/newsletter/confirm',
    '//evil.com/api/newsletter/subscribe',
  ]) {
    const answer = await raw(`GET ${path} HTTP/1.1`);
    const location = header(answer, 'location');
    if (location !== undefined) {
      expect(location, path).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, 'http://127.0.0.1').host, path).toBe('127.0.0.1');
    }
  }
});

test('TRACE and unknown methods get 405 or 501, no stack trace, and their query never reaches the log', async () => {
  // Methods Node's parser knows reach our handler, which refuses what the site does not serve.
  for (const method of ['TRACE', 'PROPFIND', 'PURGE']) {
    const answer = await raw(`${method} /newsletter/confirm/?token=probe-${method}-secret HTTP/1.1`);
    expect(answer.status, method).toBe(405);
    expect(header(answer, 'allow'), method).toBe('GET, HEAD, POST');
    expect(answer.body, method).not.toMatch(/at .*\.(ts|mjs|js):\d+/);
  }
  // Methods it does not know never get that far.
  for (const method of ['TRACK', 'CONNECTX']) {
    const answer = await raw(`${method} /newsletter/confirm/?token=probe-${method}-secret HTTP/1.1`);
    expect(answer.status, method).toBe(501);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(output).not.toContain('-secret');
  expect(output).not.toMatch(/^\s+at /m);
});

test('a missing hashed asset is a 404 nobody stores, and ..%2f under /_astro/ reaches nothing', async () => {
  for (const path of ['/_astro/doesnotexist.js', '/_astro/..%2f404.html']) {
    const answer = await raw(`GET ${path} HTTP/1.1`);
    expect(answer.status, path).toBe(404);
    expect(header(answer, 'cache-control'), path).toBe('no-store');
  }
});
