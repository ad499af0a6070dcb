// Slow clients and connection floods (issue 16, item 9): the header timeout fires at its configured
// value, not at Node's 30-second check interval, and connections past the cap are closed at once.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../../src/server/http/http-server.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(options: Parameters<typeof createHttpServer>[1]): Promise<number> {
  server = createHttpServer((_req, res) => res.end('ok'), options);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Resolves with what the server sent and when the connection ended. */
function ended(socket: Socket): Promise<{ text: string; at: number }> {
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => {});
  return new Promise((resolve) => socket.on('close', () => resolve({ text, at: Date.now() })));
}

describe('createHttpServer', () => {
  it('answers 408 to a client that sends its headers too slowly, at the configured timeout', async () => {
    const port = await listen({ headersTimeoutMs: 600, requestTimeoutMs: 2_000, maxConnections: 10 });
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    const done = ended(socket);
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    // Dribbles a header line every 200 ms, never finishing.
    const dribble = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 200);
    const { text, at } = await done;
    clearInterval(dribble);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(at - started).toBeGreaterThanOrEqual(500);
    expect(at - started).toBeLessThan(2_000);
  });

  it('closes connections past the cap straight away', async () => {
    const port = await listen({ headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, maxConnections: 2 });
    const open = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')];
    await Promise.all(open.map((s) => new Promise((resolve) => s.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = connect(port, '127.0.0.1');
    const started = Date.now();
    const { text, at } = await ended(extra);
    expect(text).toBe('');
    expect(at - started).toBeLessThan(1_000);
    for (const s of open) s.destroy();
  });
});
