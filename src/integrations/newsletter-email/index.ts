// After the build: every issue's email page (dist/client/newsletter/<date>/email/index.html) becomes
// dist/newsletter/<date>.json for the sender, then leaves the served output. Registered before the
// Pagefind integration, so the pages are gone before the search index is built.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isIssueDate } from '../../domain/newsletter/issue-email.ts';
import { issueEmailFromPage } from './email-file.ts';

/** Where the email pages are built, under the client output. */
const EMAIL_PAGE = (date: string) => path.join('newsletter', date, 'email');

/** The issue dates that have an email page in the client output. */
async function emailPageDates(clientDir: string): Promise<string[]> {
  const folder = path.join(clientDir, 'newsletter');
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && isIssueDate(e.name))
    .map((e) => e.name)
    .sort();
}

/** Writes the issue files into `<outDir>/newsletter/` and removes the email pages; returns the dates. */
export async function writeIssueEmails(clientDir: string, outDir: string): Promise<string[]> {
  const target = path.join(outDir, 'newsletter');
  await mkdir(target, { recursive: true });
  const written: string[] = [];
  for (const date of await emailPageDates(clientDir)) {
    const folder = path.join(clientDir, EMAIL_PAGE(date));
    const page = await readFile(path.join(folder, 'index.html'), 'utf8').catch(() => undefined);
    if (page === undefined) continue;
    const email = issueEmailFromPage(page);
    if (email.date !== date) throw new Error(`The email page for ${date} says it is the issue of ${email.date}.`);
    await writeFile(path.join(target, `${date}.json`), `${JSON.stringify(email)}\n`);
    await rm(folder, { recursive: true, force: true });
    written.push(date);
  }
  return written;
}

export default function newsletterEmail(): AstroIntegration {
  let outDir = '';
  return {
    name: 'follow-through:newsletter-email',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dates = await writeIssueEmails(fileURLToPath(dir), outDir);
        logger.info(
          `Wrote ${dates.length} newsletter issue email${dates.length === 1 ? '' : 's'} to ${path.join(outDir, 'newsletter')}.`,
        );
      },
    },
  };
}
