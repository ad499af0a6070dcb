// Turns the email page the build rendered for an issue into the file the sender reads
// (dist/newsletter/<date>.json): CSS inlined for mail apps that drop <style>, a plain-text part, and
// the issue's facts, checked against the contract in src/domain/newsletter/issue-email.ts.
import { convert, type HtmlToTextOptions } from 'html-to-text';
import juice from 'juice';
import { issueEmailSchema, type IssueEmail } from '../../domain/newsletter/issue-email.ts';
import { NEW_JOBS_PLACEHOLDER, type NewJobs } from '../../domain/newsletter/segments.ts';

/** Gmail clips messages over about 102 kB; an issue must arrive whole. */
export const MAX_EMAIL_HTML_BYTES = 100 * 1024;

const META = /<script type="application\/json" id="issue-email-meta">([\s\S]*?)<\/script>/;
// Fragments hold no <template> of their own, so the first closing tag ends each one.
const FRAGMENT = /<template data-fragment="([^"]+)">([\s\S]*?)<\/template>/g;

const textOptions: HtmlToTextOptions = {
  wordwrap: 78,
  selectors: [
    { selector: '.preheader', format: 'skip' },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    // Bare addresses: a bracket would cling to the link in apps that make plain-text URLs clickable.
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: false } },
  ],
};

/** Takes the pre-rendered fragments (NewJobFragments.astro) out of the inlined page, by name. */
function takeFragments(html: string): { html: string; fragments: Map<string, string> } {
  const fragments = new Map<string, string>();
  const rest = html.replace(FRAGMENT, (_, name: string, body: string) => {
    fragments.set(name, body.trim());
    return '';
  });
  return { html: rest, fragments };
}

type JobFacts = Omit<NewJobs['jobs'][number], 'html' | 'text'>;

/** The issue file's newJobs: each role's facts from the meta element with its item as HTML and text. */
function newJobsFrom(facts: JobFacts[], fragments: Map<string, string>, date: unknown): NewJobs {
  const need = (name: string) => {
    const fragment = fragments.get(name);
    if (fragment === undefined) throw new Error(`Issue ${String(date)}: the email page has no "${name}" fragment.`);
    return fragment;
  };
  const listStart = /^<ul[^>]*>/.exec(need('list'))?.[0] ?? '';
  const asText = (html: string) => convert(html, textOptions).trim();
  const line = (name: string) => ({ html: need(name), text: asText(need(name)) });
  return {
    listStart,
    jobs: facts.map((job) => {
      const html = need(`job:${job.id}`);
      return { ...job, html, text: asText(`${listStart}${html}</ul>`) };
    }),
    empty: line('empty'),
    emptyForAlerts: line('empty-alerts'),
    segmentLine: line('segment-line'),
  };
}

/** The issue file for one email page; throws with the date and the reason when it breaks the contract. */
export function issueEmailFromPage(page: string): IssueEmail {
  const found = META.exec(page);
  if (!found) throw new Error('The email page carries no issue-email-meta element.');
  const meta = JSON.parse(found[1]) as Record<string, unknown>;
  // The 600 px column keeps its width attribute for Outlook; its CSS lets it shrink on phones.
  const inlined = juice(page.replace(found[0], ''), {
    preserveMediaQueries: true,
    removeStyleTags: true,
    applyWidthAttributes: false,
  });
  const { html, fragments } = takeFragments(inlined);
  const facts = meta.newJobs as JobFacts[] | undefined;
  const newJobs = facts ? newJobsFrom(facts, fragments, meta.date) : undefined;
  const parsed = issueEmailSchema.safeParse({ ...meta, newJobs, html, text: convert(html, textOptions) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Issue ${String(meta.date)} does not match the issue format: ${problems.join('; ')}`);
  }
  const email = parsed.data;
  const bytes = Buffer.byteLength(email.html);
  if (bytes > MAX_EMAIL_HTML_BYTES)
    throw new Error(
      `Issue ${email.date}: the email is ${bytes} bytes of HTML, over ${MAX_EMAIL_HTML_BYTES}; mail apps would clip it.`,
    );
  // An issue with per-reader roles also needs the place for them and the link to change them.
  const placeholders = ['{{unsubscribe_url}}', ...(email.newJobs ? ['{{preferences_url}}', NEW_JOBS_PLACEHOLDER] : [])];
  for (const part of ['html', 'text'] as const) {
    for (const placeholder of placeholders) {
      if (!email[part].includes(placeholder))
        throw new Error(`Issue ${email.date}: the ${part} part has no ${placeholder} placeholder.`);
    }
  }
  return email;
}
