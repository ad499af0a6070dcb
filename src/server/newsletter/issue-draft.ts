// `npm run newsletter -- draft`: a new issue file from the template, listing what is new on the
// site since the previous issue. It never overwrites a file.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftIssue, newSince, type NewItem } from '../../domain/newsletter/draft-template.ts';
import { isIssueDate } from '../../domain/newsletter/issue-email.ts';

function filesIn(folder: string, extension: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith(extension))
        .sort()
    : [];
}

/** Articles by the pubDate and title in their frontmatter (read as text: no Astro at this point). */
function articles(contentDir: string): NewItem[] {
  const folder = join(contentDir, 'articles');
  return filesIn(folder, '.mdx').flatMap((name) => {
    const source = readFileSync(join(folder, name), 'utf8');
    const date = /^pubDate:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(source)?.[1];
    const title = /^title:\s*(.+)$/m
      .exec(source)?.[1]
      .trim()
      .replace(/^["']|["']$/g, '');
    return date && title ? [{ date, title, file: join(folder, name) }] : [];
  });
}

function jobs(contentDir: string): NewItem[] {
  const folder = join(contentDir, 'jobs');
  return filesIn(folder, '.json').flatMap((name) => {
    const job = JSON.parse(readFileSync(join(folder, name), 'utf8')) as {
      title?: string;
      employer?: string;
      postedDate?: string;
    };
    return job.title && job.postedDate
      ? [
          {
            date: job.postedDate,
            title: `${job.title}, ${job.employer ?? ''}`.replace(/, $/, ''),
            file: join(folder, name),
          },
        ]
      : [];
  });
}

/** Writes content/newsletter/<date>.mdx; returns its path. Throws when the file exists. */
export function writeIssueDraft(contentDir: string, date: string): string {
  const folder = join(contentDir, 'newsletter');
  const file = join(folder, `${date}.mdx`);
  const previous =
    filesIn(folder, '.mdx')
      .map((name) => name.slice(0, -4))
      .filter((name) => isIssueDate(name) && name < date)
      .at(-1) ?? null;
  const text = draftIssue({
    date,
    since: previous,
    articles: newSince(articles(contentDir), previous, date),
    jobs: newSince(jobs(contentDir), previous, date),
  });
  mkdirSync(folder, { recursive: true });
  try {
    // 'wx' fails when the file exists, even if it appeared a moment ago.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${file} already exists; a draft never overwrites an issue.`, { cause: error });
    throw error;
  }
  return file;
}
