// The starting point of a new issue: the Morning Coffee shape with the editor's parts to write, and
// what appeared on the site since the previous issue, to choose from.

export interface NewItem {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** Where the editor finds it, relative to the project. */
  file: string;
}

export interface DraftInput {
  date: string;
  /** The previous issue's date, or null for the first issue. */
  since: string | null;
  articles: NewItem[];
  jobs: NewItem[];
}

const quote = (text: string) => JSON.stringify(text);
// MDX comments: the editor sees them, readers never do.
const comment = (lines: string[]) => ['{/*', ...lines.map((line) => `  ${line.replaceAll('*/', '* /')}`), '*/}'];
const listed = (items: NewItem[]) =>
  items.length === 0 ? ['(none)'] : items.map((item) => `- ${item.date} ${item.title} (${item.file})`);

/** Items dated after `since` (all when null) and not after the issue's own date, newest first. */
export function newSince<T extends { date: string }>(items: T[], since: string | null, until: string): T[] {
  return items
    .filter((item) => (since === null || item.date > since) && item.date <= until)
    .sort((a, b) => b.date.localeCompare(a.date));
}

export function draftIssue(input: DraftInput): string {
  return [
    '---',
    `subject: ${quote(`The Follow-Through briefing for ${input.date}`)}`,
    `preheader: ${quote('One sentence that makes a busy reader open this issue (at most 140 characters).')}`,
    '---',
    '',
    ...comment([
      'The lead: what happened, why it matters to someone job-hunting in finance, and a link to the source.',
      'Then a few short items in the same shape. "New on the site" and "New jobs" are added to the issue',
      'automatically when the site is built; the lists below are only for choosing what to mention.',
    ]),
    '',
    '## The lead',
    '',
    'What happened, in two sentences. Why it matters to your job search. [The source](https://example.com/)',
    '',
    '## In brief',
    '',
    '- **An item.** What happened and why it matters. [Source](https://example.com/)',
    '',
    ...comment([
      `New since ${input.since ? `the issue of ${input.since}` : 'the start'}:`,
      'Articles:',
      ...listed(input.articles),
      'Jobs:',
      ...listed(input.jobs),
    ]),
    '',
  ].join('\n');
}
