// The briefing in a real build: every published issue has its page, its email file for the sender
// (dist/newsletter/<date>.json, not served), a place in the archive and the feed, and no email page
// is left where readers, the sitemap or search could find it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { issueEmailSchema } from '../../src/domain/newsletter/issue-email.ts';
import { builtFiles, builtPages, clientDir, sitemapPaths } from './dist';

const site = process.env.SITE_URL ?? 'http://localhost:4321';
const issueFolder = join(process.cwd(), 'dist', 'newsletter');
const ISSUE_PAGE = /^\/newsletter\/(\d{4}-\d{2}-\d{2})\/$/;

const issueDates = builtPages()
  .map((p) => ISSUE_PAGE.exec(p.path)?.[1])
  .filter((d): d is string => d !== undefined)
  .sort()
  .reverse();

describe('newsletter issues in the build', () => {
  it('publishes at least the three example issues', () => {
    expect(issueDates.length).toBeGreaterThanOrEqual(3);
  });

  it('writes one issue file per published issue, and none for anything else', () => {
    const files = readdirSync(issueFolder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
    expect(files.sort().reverse()).toEqual(issueDates);
  });

  it.each(issueDates)('%s: its issue file validates and is ready for the sender', (date) => {
    const email = issueEmailSchema.parse(JSON.parse(readFileSync(join(issueFolder, `${date}.json`), 'utf8')));
    expect(email.date).toBe(date);
    expect(email.webUrl).toBe(new URL(`/newsletter/${date}/`, site).href);
    const html = parse(email.html);
    expect(html.querySelectorAll('link, script')).toHaveLength(0);
    for (const img of html.querySelectorAll('img'))
      expect(img.getAttribute('src') ?? '').not.toMatch(/^(https?:)?\/\//);
    expect(html.querySelector('style')?.text ?? '').not.toMatch(/@import|@font-face|url\(/);
    expect(email.html).toContain('href="{{unsubscribe_url}}"');
    expect(email.text).toContain('{{unsubscribe_url}}');
    expect(
      html.querySelectorAll('a').some((a) => a.getAttribute('href') === email.webUrl && /read/i.test(a.text)),
    ).toBe(true);
    expect(email.text).toContain(email.webUrl);
    expect(Buffer.byteLength(email.html)).toBeLessThanOrEqual(100 * 1024);
  });

  it('leaves no email page in the served output, the sitemap or the search index', () => {
    expect(builtFiles().filter((f) => /newsletter\/\d{4}-\d{2}-\d{2}\/email/.test(f))).toEqual([]);
    expect(sitemapPaths().filter((p) => p.includes('/email/'))).toEqual([]);
    expect(builtPages().filter((p) => p.html.includes('issue-email-meta'))).toEqual([]);
  });

  it('lists every issue in the archive newest first, and in the issues feed', () => {
    const archive = builtPages().find((p) => p.path === '/newsletter/archive/');
    const listed = archive!.root
      .querySelectorAll('main a')
      .map((a) => ISSUE_PAGE.exec(a.getAttribute('href') ?? '')?.[1])
      .filter(Boolean);
    expect(listed).toEqual(issueDates.slice(0, 10));

    const rss = new XMLParser({ isArray: (name) => name === 'item' }).parse(
      readFileSync(join(clientDir, 'newsletter', 'rss.xml'), 'utf8'),
    );
    const links = rss.rss.channel.item.map((i: { link: string }) => new URL(i.link).pathname);
    expect(links).toEqual(issueDates.map((d) => `/newsletter/${d}/`));
  });

  it('indexes each issue page for search under the type "Newsletter", and the signup page links to the latest', () => {
    for (const date of issueDates) {
      const page = builtPages().find((p) => p.path === `/newsletter/${date}/`)!;
      expect(page.root.querySelector('[data-pagefind-body]')?.getAttribute('data-pagefind-filter')).toBe(
        'type:Newsletter',
      );
    }
    const signup = builtPages().find((p) => p.path === '/newsletter/')!;
    expect(signup.root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain(
      `/newsletter/${issueDates[0]}/`,
    );
    expect(existsSync(join(clientDir, 'pagefind'))).toBe(true);
  });
});
