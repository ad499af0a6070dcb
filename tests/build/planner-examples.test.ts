// The site agrees with itself: a worked example's dates come from <PlannerExample> (the planner's own rules at
// build time), never from the prose beside it, and no article carries test markup.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDay, weekday } from '../../src/domain/follow-up/civil-date.ts';
import { publicHolidayDates } from '../../src/domain/follow-up/holiday-source.ts';
import { workedExample, type WorkedExampleInput } from '../../src/domain/follow-up/worked-example.ts';

const ARTICLES = 'content/articles';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date in prose: "Tuesday 23 June", "23 June 2026", "Wednesday the 23rd", "Friday 18 December 2026".
 * A weekday needs a day number after it; a bare day number needs a month.
 */
const DATE_IN_PROSE = new RegExp(
  `\\b(?:(${WEEKDAYS.join('|')}),?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(${MONTHS.join('|')}))?` +
    `|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS.join('|')}))(?:,?\\s+(\\d{4}))?\\b`,
  'g',
);

interface ProseDate {
  text: string;
  weekday?: number;
  dayOfMonth: number;
  month?: number;
  year?: number;
}

function datesIn(prose: string): ProseDate[] {
  return [...prose.matchAll(DATE_IN_PROSE)].map((m) => ({
    text: m[0],
    weekday: m[1] ? WEEKDAYS.indexOf(m[1]) : undefined,
    dayOfMonth: Number(m[2] ?? m[4]),
    month: m[3] || m[5] ? MONTHS.indexOf(m[3] || m[5]) + 1 : undefined,
    year: m[6] ? Number(m[6]) : undefined,
  }));
}

/** The props of each <PlannerExample ... /> tag: "name" attributes as strings, bare ones as true. */
function plannerExamples(section: string): WorkedExampleInput[] {
  return [...section.matchAll(/<PlannerExample\b([^>]*?)\/>/gs)].map(([, attributes]) => {
    const props: Record<string, string | boolean> = {};
    for (const [, name, value] of attributes.matchAll(/(\w+)(?:="([^"]*)")?/g)) props[name] = value ?? true;
    return props as unknown as WorkedExampleInput;
  });
}

/** Sections of an article body: the text before the first `## ` heading, then each `## ` heading's part. */
function sections(body: string): string[] {
  return body.split(/^(?=## )/m);
}

/** The prose a reader reads as the article's own words: no front matter, code blocks or component tags. */
function prose(section: string): string {
  return section
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<PlannerExample\b[^>]*?\/>/gs, '')
    .replace(/<[A-Z]\w*[^>]*\/>/g, '');
}

/** The days an example's prose may name: its own inputs and the public holidays of its calendar. */
function allowedDays(examples: WorkedExampleInput[]): Set<number> {
  const days = new Set<number>();
  for (const example of examples) {
    const { input } = workedExample(example);
    for (const value of [input.ended, input.decision, input.askedDate, input.outcomeAt, input.deadline]) {
      const day = parseIsoDay(value.slice(0, 10));
      if (day !== undefined) days.add(day);
    }
    if (input.holidays === 'none') continue;
    const year = Number(input.ended.slice(0, 4));
    for (const date of publicHolidayDates(input.holidays, [year - 1, year, year + 1])) days.add(parseIsoDay(date)!);
  }
  return days;
}

function matches(date: ProseDate, day: number): boolean {
  const d = new Date(day * 86_400_000);
  if (date.dayOfMonth !== d.getUTCDate()) return false;
  if (date.month !== undefined && date.month !== d.getUTCMonth() + 1) return false;
  if (date.year !== undefined && date.year !== d.getUTCFullYear()) return false;
  return date.weekday === undefined || date.weekday === weekday(day);
}

const articles = readdirSync(ARTICLES)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const source = readFileSync(join(ARTICLES, name), 'utf8');
    return { name, body: source.replace(/^---[\s\S]*?\n---\n/, '') };
  });

describe('worked examples come from the planner', () => {
  it('the date pattern finds the forms articles use', () => {
    expect(
      datesIn('by Thursday 18 June, then Wednesday the 23rd, 29 December 2026, not 3 weeks').map((d) => d.text),
    ).toEqual(['Thursday 18 June', 'Wednesday the 23rd', '29 December 2026']);
  });

  it('at least the articles with worked examples use <PlannerExample>', () => {
    const withExamples = articles.filter((article) => plannerExamples(article.body).length > 0).map((a) => a.name);
    expect(withExamples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(articles.map((article) => [article.name, article.body]))(
    '%s: a section with a <PlannerExample> states no date (weekday and day, or day and month) except the example inputs and public holidays',
    (_name, body) => {
      for (const section of sections(body)) {
        const examples = plannerExamples(section);
        if (!examples.length) continue;
        const allowed = [...allowedDays(examples)];
        const typed = datesIn(prose(section)).filter((date) => !allowed.some((day) => matches(date, day)));
        const heading = section.split('\n', 1)[0];
        expect(
          typed.map((date) => date.text),
          `${heading}: dates typed by hand next to a planner example; let <PlannerExample> show them`,
        ).toEqual([]);
      }
    },
  );
});

describe('articles carry no test markup', () => {
  it.each(articles.map((article) => [article.name, article.body]))(
    '%s: no event-handler attributes, script tags or alert() (test fixtures live in tests/fixtures)',
    (_name, body) => {
      expect(body).not.toMatch(/\bon[a-z]+\s*=|<script\b|alert\(/i);
    },
  );
});
