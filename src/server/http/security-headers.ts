// The headers every response leaves with, static or not, whoever produced it: this server's own
// code or Astro's request handler.
import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { Policies } from './content-security-policy.ts';

function fixedHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * For the on-demand pages only, which carry a reader's token or preferences: they are kept out of
 * any other site's window group, so a page that opened one holds no handle to it. The built pages
 * are the same public files for everyone and have nothing to protect that way, while the header
 * costs every first visit a fresh renderer process (Chrome on Android isolates sites that send it),
 * which Lighthouse counts as blocking time (measured in docs/benchmarks.md).
 */
export const onDemandHeaders: Readonly<Record<string, string>> = { 'Cross-Origin-Opener-Policy': 'same-origin' };

export interface SecurityOptions {
  /** The public origin; HSTS is sent only when it is https. */
  siteUrl: string;
  policies: Policies;
}

/** Completes a response's headers; `policyFor` gives its Content-Security-Policy unless it brings its own. */
export type SecureResponse = (res: ServerResponse, policyFor: () => string) => void;

export function createSecureResponse({ siteUrl, policies }: SecurityOptions): SecureResponse {
  const fixed = fixedHeaders(siteUrl.startsWith('https:'));
  /**
   * Hooks writeHead, which every response goes through (Node's implicit header write calls it too),
   * so headers are completed whoever produced the response: this server or Astro.
   */
  return (res, policyFor) => {
    // Called after the headers are set, with the status line only (our headers already hold the rest).
    const writeHead = res.writeHead as (
      this: ServerResponse,
      statusCode: number,
      statusMessage?: string,
    ) => ServerResponse;
    res.writeHead = function (statusCode: number, ...rest: unknown[]) {
      const headers = (typeof rest[0] === 'string' ? rest[1] : rest[0]) as OutgoingHttpHeaders | unknown[] | undefined;
      if (headers && !Array.isArray(headers))
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      for (const [name, value] of Object.entries(fixed)) res.setHeader(name, value);
      // Astro passes its Response's statusText, which is "OK" unless a route sets one.
      if (res.statusMessage === 'OK' && statusCode !== 200) res.statusMessage = STATUS_CODES[statusCode] ?? '';
      const own = res.getHeader('content-security-policy');
      res.setHeader('Content-Security-Policy', own ? policies.finish(String(own)) : policyFor());
      return writeHead.call(res, statusCode, typeof rest[0] === 'string' ? rest[0] : undefined);
    } as ServerResponse['writeHead'];
  };
}
