// One schema for every role, whether it comes from content/jobs/*.json or from the JOBS_FEED_URL feed.
import { z } from 'astro/zod';
import { SENIORITIES, employmentTypeLabels, functionLabels, locationLabels } from './taxonomy';

/** A calendar date written as YYYY-MM-DD; kept as text so no time zone can shift the day. */
const calendarDate = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

export const jobSchema = z
  .object({
    /** The job title as the employer advertises it. */
    title: z.string().trim().min(5).max(100),
    /** The hiring company's name. */
    employer: z.string().trim().min(2).max(80),
    location: z.enum(locationLabels),
    function: z.enum(functionLabels),
    seniority: z.enum(SENIORITIES),
    employmentType: z.enum(employmentTypeLabels),
    /** The day the role was first advertised. */
    postedDate: calendarDate,
    /** The last day applications are accepted; the role disappears from builds after this day. */
    closingDate: calendarDate,
    /** Where a candidate applies: the employer's own https page. */
    applyUrl: z.url({ protocol: /^https$/, error: 'must be a full https:// address' }),
    /** Plain text; a blank line starts a new paragraph. */
    description: z.string().trim().min(80).max(3000),
  })
  .refine((job) => job.closingDate >= job.postedDate, {
    message: 'must be on or after postedDate',
    path: ['closingDate'],
  });

export type Job = z.infer<typeof jobSchema>;

/** A role's identifier: it becomes the page address /jobs/<id>/, so lower-case words and hyphens only. */
export const jobIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens')
  .max(80);

/** The feed is a JSON object with a "jobs" array; each entry is a role plus its "id". */
export const feedSchema = z.object(
  { jobs: z.array(z.unknown()) },
  { error: 'must be a JSON object with a "jobs" array' },
);

/** Turns Zod's issues into one line a person can act on, e.g. `closingDate: must be a date written as YYYY-MM-DD`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
