// Reading the issue files the build writes to dist/newsletter/<date>.json (outside dist/client, so
// they are not served). The sender only fills them in; it never runs Astro.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIssueDate, issueEmailSchema, type IssueEmail } from '../../domain/newsletter/issue-email.ts';

export function issueFilePath(distDir: string, date: string): string {
  return join(distDir, 'newsletter', `${date}.json`);
}

/** The dates of every issue file in the build, oldest first. */
export function listIssueDates(distDir: string): string[] {
  const folder = join(distDir, 'newsletter');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json') && isIssueDate(name.slice(0, -5)))
    .map((name) => name.slice(0, -5))
    .sort();
}

/** The issue for a date, checked against the contract; the error names the file and the field. */
export function readIssueFile(distDir: string, date: string): IssueEmail {
  const file = issueFilePath(distDir, date);
  if (!existsSync(file)) {
    throw new Error(
      `No issue file ${file}: is there a published issue for ${date}, and has the site been built (npm run build)?`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = issueEmailSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new Error(`${file} does not match the issue format: ${problems.join('; ')}`);
  }
  if (parsed.data.date !== date)
    throw new Error(`${file}: date: says ${parsed.data.date}, but the file is named for ${date}`);
  return parsed.data;
}
