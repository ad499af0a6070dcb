// The HTTP server with its limits for slow and numerous clients. Node checks the header and request
// timeouts only every connectionsCheckingInterval (30 s by default), so a 10 s header timeout fired
// after up to 40 s; the interval here is a fraction of the timeout, so it fires close to its value.
import http, { type RequestListener, type Server } from 'node:http';

export interface ServerLimits {
  /** A client that has not sent all its headers by then gets 408. */
  headersTimeoutMs: number;
  /** A client that has not sent its whole request by then gets 408. */
  requestTimeoutMs: number;
  /** Connections past this many are closed as soon as they open. */
  maxConnections: number;
}

// What Node answers a request its parser refuses; a method it does not know at all is "not implemented".
const PARSER_REFUSALS: Record<string, string> = {
  HPE_INVALID_METHOD: '501 Not Implemented',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
};

export function createHttpServer(listener: RequestListener, limits: ServerLimits): Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // Node refuses a request timeout shorter than the header timeout.
      requestTimeout: Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs),
      // Checking every tenth of the timeout (at most every second) keeps the overshoot small for little work.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 10))),
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = PARSER_REFUSALS[error.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  return server;
}
