// Request bodies, capped before anything reads them: Astro's adapter would otherwise accept up to 1 GB.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const methodsWithBody: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The whole body, or null as soon as it passes the cap. */
export async function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** 413, in JSON for the API (the signup form shows it by the field) and in plain text elsewhere. */
export function refuseLargeBody(res: ServerResponse, url: URL): void {
  const json = url.pathname.startsWith('/api/');
  res.writeHead(413, { 'Content-Type': json ? 'application/json' : 'text/plain; charset=utf-8', Connection: 'close' });
  res.end(
    json ? JSON.stringify({ errors: { email: 'That request was too large to read.' } }) : 'Request body too large.\n',
  );
}
