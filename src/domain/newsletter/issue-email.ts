// The contract between the build and the sender: for each published issue the build writes
// dist/newsletter/<date>.json in this shape, with per-recipient links left as placeholders.
import { z } from 'astro/zod';
import { NEW_JOBS_PLACEHOLDER, newJobsSchema, type RenderedSection } from './segments.ts';

const ISSUE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isIssueDate(value: string): boolean {
  if (!ISSUE_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export const issueEmailSchema = z.object({
  date: z.string().refine(isIssueDate, 'must be a date written YYYY-MM-DD'),
  subject: z.string().min(1).max(80),
  preheader: z.string().max(140),
  /** The issue's own send time (frontmatter sendAt); null means the daily schedule. */
  sendAt: z.iso.datetime({ offset: true }).nullable(),
  webUrl: z.url(),
  /** CSS already inlined by the build. */
  html: z.string().min(1),
  text: z.string().min(1),
  /** The roles new in the issue's window, for each reader's "New jobs" section (segments.ts). */
  newJobs: newJobsSchema.optional(),
});

export type IssueEmail = z.infer<typeof issueEmailSchema>;

/** What the sender fills in for each recipient. */
export interface RecipientLinks {
  unsubscribe_url: string;
  preferences_url: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fill(template: string, links: RecipientLinks, escape: (value: string) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(links, name) ? escape(links[name as keyof RecipientLinks]) : placeholder,
  );
}

/**
 * The issue's HTML and text with, when the issue has one, the reader's "New jobs" section (already
 * HTML, put in as is; it may carry the preferences link), then their links in place of the placeholders.
 */
export function personalize(
  issue: Pick<IssueEmail, 'html' | 'text'>,
  links: RecipientLinks,
  newJobs?: RenderedSection,
): { html: string; text: string } {
  const html = newJobs ? issue.html.replace(NEW_JOBS_PLACEHOLDER, () => newJobs.html) : issue.html;
  const text = newJobs ? issue.text.replace(NEW_JOBS_PLACEHOLDER, () => newJobs.text) : issue.text;
  return { html: fill(html, links, escapeHtml), text: fill(text, links, (value) => value) };
}

/**
 * The Message-ID of one issue to one subscriber: the same on every attempt, so a copy re-sent after
 * a crash is dropped by the provider as a duplicate, and never the same for two deliveries.
 */
export function issueMessageId(issueDate: string, subscriberId: string, host: string): string {
  return `<issue-${issueDate}-${subscriberId}@${host}>`;
}
