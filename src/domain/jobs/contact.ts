// The address recruiters write to about listing a role.
import { z } from 'astro/zod';

/**
 * `configured` (JOBS_CONTACT_EMAIL) when set, otherwise jobs@ the site's own domain, so a deployment
 * at https://www.example.org/ answers at jobs@example.org without extra configuration.
 */
export function recruiterContactEmail(siteUrl: string | URL, configured?: string): string {
  const address = configured?.trim();
  if (address) {
    // A typo here would publish a dead mailto: link, so the build stops and says which setting is wrong.
    if (!z.email().safeParse(address).success)
      throw new Error(`JOBS_CONTACT_EMAIL "${address}" is not an email address`);
    return address;
  }
  return `jobs@${new URL(siteUrl).hostname.replace(/^www\./, '')}`;
}
