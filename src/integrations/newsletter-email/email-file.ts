// Turns the email page the build rendered for an issue into the file the sender reads
// (dist/newsletter/<date>.json): CSS inlined for mail apps that drop <style>, a plain-text part, and
// the issue's facts, checked against the contract in src/domain/newsletter/issue-email.ts.
import { convert, type HtmlToTextOptions } from 'html-to-text';
import juice from 'juice';
import { issueEmailSchema, type IssueEmail } from '../../domain/newsletter/issue-email.ts';

/** Gmail clips messages over about 102 kB; an issue must arrive whole. */
export const MAX_EMAIL_HTML_BYTES = 100 * 1024;

const META = /<script type="application\/json" id="issue-email-meta">([\s\S]*?)<\/script>/;

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

/** The issue file for one email page; throws with the date and the reason when it breaks the contract. */
export function issueEmailFromPage(page: string): IssueEmail {
  const found = META.exec(page);
  if (!found) throw new Error('The email page carries no issue-email-meta element.');
  const meta = JSON.parse(found[1]) as Record<string, unknown>;
  // The 600 px column keeps its width attribute for Outlook; its CSS lets it shrink on phones.
  const html = juice(page.replace(found[0], ''), {
    preserveMediaQueries: true,
    removeStyleTags: true,
    applyWidthAttributes: false,
  });
  const parsed = issueEmailSchema.safeParse({ ...meta, html, text: convert(html, textOptions) });
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
  for (const part of ['html', 'text'] as const) {
    if (!email[part].includes('{{unsubscribe_url}}'))
      throw new Error(`Issue ${email.date}: the ${part} part has no {{unsubscribe_url}} placeholder.`);
  }
  return email;
}
