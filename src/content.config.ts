// Every collection and its schema, in one file. Editors work in the top-level content/ folder.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleFiles, loadBuildConfig } from './config';
import { jobsLoader } from './data/jobs/loader';
import { jobSchema } from './domain/jobs/schema';
import { issueDateFromFileName } from './domain/newsletter/issue-selection';

const buildConfig = loadBuildConfig();
const { contentDir, jobsFeedUrl } = buildConfig;

/** With the project root as base, the id would carry the folders; keep it the file name, as editors expect. */
const fileNameId = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, '');

const source = z.object({
  /** What the linked page is called, as its publisher titles it. */
  title: z.string().min(3),
  /** Who published it (a company, university or government body). */
  publisher: z.string().min(2),
  /** Year of publication, when known. */
  year: z.number().int().min(1990).max(2100).optional(),
  /** Full https address of the page. */
  url: z.url({ protocol: /^https$/ }),
});

const articles = defineCollection({
  // Load MDX files from content/articles; the file name is the URL slug. The bodies stay out of the
  // data store: it is bundled into the build whole, and the bodies made it 119 MB at 10,000 articles
  // and cost 400 MB of build memory at 3,000 (docs/benchmarks.md). Whoever needs the source reads
  // the file (articleSource in src/data/articles.ts).
  // Test builds (TEST_FIXTURES) add tests/fixtures/articles; an article's id stays its file name either way.
  loader: glob({
    ...articleFiles(buildConfig),
    retainBody: false,
    ...(buildConfig.testFixtures ? { generateId: fileNameId } : {}),
  }),
  schema: ({ image }) =>
    z
      .object({
        title: z.string().min(10).max(90),
        /** The dek: a one-sentence summary shown under the title and used as the meta description. */
        description: z.string().min(50).max(200),
        pubDate: z.coerce.date(),
        updatedDate: z.coerce.date().optional(),
        author: reference('authors'),
        topics: z.array(reference('topics')).min(1),
        category: z.enum(['Insider comment', 'Guide', 'Checklist', 'Data']),
        draft: z.boolean().default(false),
        hero: z.object({ image: image(), alt: z.string().min(5) }).optional(),
        sources: z.array(source).default([]),
      })
      .refine((a) => !a.updatedDate || a.updatedDate >= a.pubDate, {
        message: 'updatedDate must be on or after pubDate',
        path: ['updatedDate'],
      }),
});

const authors = defineCollection({
  loader: glob({ pattern: '**/*.json', base: `${contentDir}/authors` }),
  schema: z.object({
    name: z.string().min(2),
    /** True when the byline is a pen name; the author page says so. */
    penName: z.boolean().default(false),
    role: z.string().min(2),
    bio: z.string().min(40),
  }),
});

const topics = defineCollection({
  loader: glob({ pattern: '**/*.json', base: `${contentDir}/topics` }),
  schema: z.object({
    name: z.string().min(2),
    description: z.string().min(40),
  }),
});

const jobs = defineCollection({
  // One JSON file a role in content/jobs, plus the roles of the JSON feed at JOBS_FEED_URL when it is set.
  // Roles past their closing day are left out; a failing feed costs one build warning, never the build.
  loader: jobsLoader({ localDir: `${contentDir}/jobs`, feedUrl: jobsFeedUrl }),
  schema: jobSchema,
});

const issues = defineCollection({
  // The daily briefing: content/newsletter/YYYY-MM-DD.mdx. The file name is the issue's date and its
  // id; a file named otherwise stops the build rather than publishing an issue nobody can date.
  loader: glob({
    pattern: '**/*.mdx',
    base: `${contentDir}/newsletter`,
    generateId: ({ entry }) => issueDateFromFileName(entry),
  }),
  schema: z.object({
    subject: z.string().min(10).max(80),
    /** The line mail apps show after the subject; also the page's description. */
    preheader: z.string().min(30).max(140),
    /** Overrides the daily send time for this issue: an ISO date-time with its zone. */
    sendAt: z.iso.datetime({ offset: true }).optional(),
    draft: z.boolean().default(false),
  }),
});

export const collections = { articles, authors, topics, jobs, issues };
