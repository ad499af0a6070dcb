// Content-Security-Policy as a response header. Astro (security.csp with the adapter's staticHeaders)
// writes each prerendered page's policy, with the hashes of that page's scripts and styles (the
// inline theme script included, see astro.config.mjs), to dist/_headers.json instead of a <meta>
// tag, and puts the policy of on-demand pages on their responses itself. This module reads the
// former and adds to both what only a header can say: frame-ancestors.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Page path without its trailing slash, the key both for _headers.json entries and lookups. */
export const pageKey = (pathname: string): string => (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname);

function withDirective(policy: string, name: string, value: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const index = directives.findIndex((d) => d.split(/\s+/)[0] === name);
  if (index < 0) directives.push(`${name} ${value}`);
  else if (name === 'form-action' && !directives[index].includes(value)) directives[index] += ` ${value}`;
  return directives.join('; ');
}

export interface PolicyOptions {
  /** The build folder, holding _headers.json. */
  dist: string;
  /** PUBLIC_NEWSLETTER_ACTION: an external signup provider the form may post to. */
  publicNewsletterAction: string;
}

export interface Policies {
  /** The policy of anything without one of its own: no page's hashes, so no inline script or style. */
  fallback: string;
  /** Adds frame-ancestors (and an external form target); refuses a policy that would allow injected script. */
  finish(policy: string): string;
  /** The policy of a prerendered page, by its path. */
  forPage(page: string): string;
}

interface HeadersEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

export function createPolicies({ dist, publicNewsletterAction }: PolicyOptions): Policies {
  function finish(policy: string): string {
    let result = withDirective(policy, 'frame-ancestors', "'none'");
    // An external signup provider (PUBLIC_NEWSLETTER_ACTION) must be a permitted form target.
    if (publicNewsletterAction) result = withDirective(result, 'form-action', new URL(publicNewsletterAction).origin);
    const directives = result.split(';').map((d) => d.trim());
    const scripts =
      directives.find((d) => d.startsWith('script-src ')) ?? directives.find((d) => d.startsWith('default-src '));
    if (scripts && /'unsafe-(inline|eval)'/.test(scripts))
      throw new Error(`Refusing a script policy with unsafe-inline or unsafe-eval: ${scripts}`);
    return result;
  }

  const pagePolicies = new Map<string, string>();
  const headersFile = join(dist, '_headers.json');
  if (existsSync(headersFile)) {
    for (const entry of JSON.parse(readFileSync(headersFile, 'utf8')) as HeadersEntry[]) {
      const csp = entry.headers.find((h) => h.key.toLowerCase() === 'content-security-policy');
      if (csp) pagePolicies.set(pageKey(entry.pathname), finish(csp.value));
    }
  }

  // Anything without a policy of its own (non-HTML files, workers, redirects) gets the site's
  // directives without any page's hashes: no inline script or style can run under it.
  const fallback = finish(
    (
      pagePolicies.get('/') ??
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; script-src 'self'; style-src 'self'"
    ).replace(/\s'sha(256|384|512)-[^']+'/g, ''),
  );

  return {
    fallback,
    finish,
    forPage: (page) => pagePolicies.get(pageKey(page)) ?? fallback,
  };
}
