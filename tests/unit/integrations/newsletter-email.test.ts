import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueEmailSchema } from '../../../src/domain/newsletter/issue-email.ts';
import { issueEmailFromPage, MAX_EMAIL_HTML_BYTES } from '../../../src/integrations/newsletter-email/email-file.ts';
import { writeIssueEmails } from '../../../src/integrations/newsletter-email/index.ts';

const meta = {
  date: '2026-11-27',
  subject: 'A subject line',
  preheader: 'A preheader',
  sendAt: null,
  webUrl: 'https://example.com/newsletter/2026-11-27/',
};

function page(body = '<p class="lead">Hello</p>', facts: object = meta): string {
  return `<!doctype html><html><head><style>.lead { color: #123456; } @media (prefers-color-scheme: dark) { .lead { color: #fff; } }</style>
<script type="application/json" id="issue-email-meta">${JSON.stringify(facts)}</script></head>
<body>${body}<a href="${meta.webUrl}">Read on the web</a> <a href="{{unsubscribe_url}}">Unsubscribe</a></body></html>`;
}

describe('issueEmailFromPage', () => {
  it('inlines the CSS, keeps the dark-mode rules, drops the facts element and adds a text part', () => {
    const email = issueEmailFromPage(page());
    expect(issueEmailSchema.parse(email)).toEqual(email);
    expect(email).toMatchObject({ date: '2026-11-27', subject: 'A subject line', sendAt: null });
    expect(email.html).toContain('style="color: #123456;"');
    expect(email.html).toContain('prefers-color-scheme: dark');
    expect(email.html).not.toContain('<script');
    expect(email.text).toContain('Hello');
    expect(email.text).toContain('{{unsubscribe_url}}');
  });

  it('refuses a page that breaks the contract, naming the field', () => {
    expect(() => issueEmailFromPage(page(undefined, { ...meta, subject: 'x'.repeat(81) }))).toThrow(/subject/);
  });

  it('refuses an email that mail apps would clip', () => {
    expect(() => issueEmailFromPage(page(`<p>${'x'.repeat(MAX_EMAIL_HTML_BYTES)}</p>`))).toThrow(/clip/);
  });
});

describe('issueEmailFromPage: the per-reader New jobs pieces', () => {
  const facts = {
    ...meta,
    newJobs: [{ id: 'ldn-risk', market: 'london', function: 'risk', postedDate: '2026-11-20' }],
  };
  const fragments = [
    '<template data-fragment="list"><ul class="lead"></ul></template>',
    '<template data-fragment="job:ldn-risk"><li><a href="https://example.com/jobs/ldn-risk/">Risk analyst</a></li></template>',
    '<template data-fragment="empty"><p>No new roles lately.</p></template>',
    '<template data-fragment="empty-alerts"><p>Nothing for your alerts. <a href="{{preferences_url}}">Change them</a></p></template>',
    '<template data-fragment="segment-line"><p>Roles in {{segment}}.</p></template>',
  ].join('');
  const body = `<div>{{new_jobs}}</div><a href="{{preferences_url}}">Manage preferences</a>${fragments}`;

  it('takes the fragments out of the page, CSS inlined, each with a text part', () => {
    const email = issueEmailFromPage(page(body, facts));
    expect(email.html).not.toContain('<template');
    expect(email.html).toContain('{{new_jobs}}');
    expect(email.newJobs!.listStart).toBe('<ul class="lead" style="color: #123456;">');
    expect(email.newJobs!.jobs).toEqual([
      {
        ...facts.newJobs[0],
        html: '<li><a href="https://example.com/jobs/ldn-risk/">Risk analyst</a></li>',
        text: '* Risk analyst https://example.com/jobs/ldn-risk/',
      },
    ]);
    expect(email.newJobs!.emptyForAlerts.text).toContain('{{preferences_url}}');
  });

  it('refuses a page whose role has no pre-rendered item, or that lacks the New jobs placeholder', () => {
    expect(() =>
      issueEmailFromPage(page(body.replace(/<template data-fragment="job:[^]*?<\/template>/, ''), facts)),
    ).toThrow(/job:ldn-risk/);
    expect(() => issueEmailFromPage(page(body.replace('{{new_jobs}}', ''), facts))).toThrow(/new_jobs/);
  });
});

describe('writeIssueEmails', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one JSON file per issue outside the client folder and removes the email pages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'issue-emails-'));
    const client = join(dir, 'client');
    mkdirSync(join(client, 'newsletter', '2026-11-27', 'email'), { recursive: true });
    writeFileSync(join(client, 'newsletter', '2026-11-27', 'index.html'), '<p>the web page</p>');
    writeFileSync(join(client, 'newsletter', '2026-11-27', 'email', 'index.html'), page());
    mkdirSync(join(client, 'newsletter', 'archive'), { recursive: true });

    expect(await writeIssueEmails(client, dir)).toEqual(['2026-11-27']);
    const written = issueEmailSchema.parse(
      JSON.parse(readFileSync(join(dir, 'newsletter', '2026-11-27.json'), 'utf8')),
    );
    expect(written.date).toBe('2026-11-27');
    expect(existsSync(join(client, 'newsletter', '2026-11-27', 'email'))).toBe(false);
    expect(existsSync(join(client, 'newsletter', '2026-11-27', 'index.html'))).toBe(true);
  });
});
