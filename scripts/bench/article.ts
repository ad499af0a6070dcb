// One synthetic article: frontmatter that follows src/content.config.ts and an MDX body with the
// shapes real articles have (sections, subsections, lists, quotes, tables, templates, editor's notes,
// links to other articles). Everything comes from the seeded random source, so it is reproducible.
import type { Random } from './random.ts';
import { rareWord } from './vocabulary.ts';

export const topicIds = ['interviewing', 'job-search', 'offers', 'networking'] as const;
export const authorIds = ['editorial-desk', 'mei-lin-tan'] as const;
const categories = ['Insider comment', 'Guide', 'Checklist', 'Data'] as const;

const leads = [
  'How to follow up after',
  'What to write after',
  'When to chase',
  'Handling',
  'Reading',
  'Answering',
  'Planning around',
  'Negotiating',
  'Preparing for',
  'Keeping track of',
  'Making sense of',
  'Replying to',
];
const objects = [
  'a second-round interview',
  'a final-round panel',
  "a recruiter's silence",
  'an exploding offer',
  'a counter-offer',
  'a case-study round',
  'a coffee chat',
  'a referral',
  'a rejected application',
  'a delayed decision',
  'a verbal offer',
  'a background check',
  'a relocation package',
  'a notice period',
];
const places = [
  'in Singapore',
  'in Hong Kong',
  'in London',
  'in New York',
  'at a boutique',
  'at a global bank',
  'on a trading desk',
  'in fund operations',
  'in credit research',
  'in compliance',
  '',
];

/** What the page checks and the search measurement need to know about a generated article. */
export interface ArticleFacts {
  id: string;
  title: string;
  topics: string[];
  author: string;
  pubDate: Date;
  /** Drafts and future-dated articles must not be published. */
  published: boolean;
  /** Carries the rare query's word. */
  rare: boolean;
}

export interface ArticlePlan extends ArticleFacts {
  category: (typeof categories)[number];
  draft: boolean;
}

export interface TextSource {
  random: Random;
  /** A word drawn with Zipf frequencies. */
  word(): string;
}

/** The newest generated article's date: an article added for the rebuild is dated the day after. */
export const newest = Date.UTC(2026, 9, 31);
const oldest = Date.UTC(2012, 0, 1);
export const day = 86_400_000;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

function sentence({ random, word }: TextSource, min = 8, max = 24): string {
  const words = Array.from({ length: random.int(min, max) }, word);
  if (words.length > 10 && random.chance(0.4)) words[random.int(3, words.length - 4)] += ',';
  return `${capitalise(words.join(' '))}.`;
}

function paragraph(text: TextSource, extra = ''): string {
  const sentences = Array.from({ length: text.random.int(2, 6) }, () => sentence(text));
  if (extra) sentences.splice(text.random.int(0, sentences.length), 0, extra);
  return sentences.join(' ');
}

/**
 * Decides an article's metadata. Every 97th article is a draft and every 89th is dated after the
 * build, so the benchmark also proves that neither is published.
 */
export function planArticle(index: number, { random, word }: TextSource, rare: boolean): ArticlePlan {
  const place = random.pick(places);
  const firm = random.chance(0.3) ? ` at ${capitalise(word())} Capital` : '';
  let title = capitalise(`${random.pick(leads)} ${random.pick(objects)} ${place}`.trim());
  if (`${title}${firm}`.length <= 90) title += firm;
  const draft = index % 97 === 50;
  const future = index % 89 === 40;
  const pubDate = future
    ? new Date(Date.UTC(2027, 0, 1) + random.int(0, 300) * day)
    : new Date(oldest + random.int(0, (newest - oldest) / day) * day);
  const topicCount = random.chance(0.55) ? 1 : random.chance(0.75) ? 2 : 3;
  return {
    id: `${slugify(title)}-${index + 1}`,
    title,
    topics: random.sample(topicIds, topicCount),
    author: random.chance(0.75) ? authorIds[0] : authorIds[1],
    pubDate,
    category: random.pick(categories),
    draft,
    published: !draft && !future,
    rare: rare && !draft && !future,
  };
}

function frontmatter(plan: ArticlePlan, text: TextSource): string {
  const { random } = text;
  let description = `${plan.title}: ${sentence(text, 12, 30)}`;
  if (description.length > 200) description = `${description.slice(0, 196).replace(/\s+\S*$/, '')}.`;
  const lines = [
    '---',
    `title: ${JSON.stringify(plan.title)}`,
    `description: ${JSON.stringify(description.padEnd(50, '.'))}`,
    `pubDate: ${plan.pubDate.toISOString().slice(0, 10)}`,
  ];
  if (random.chance(0.15) && plan.pubDate.getTime() < newest) {
    const updated = new Date(Math.min(newest, plan.pubDate.getTime() + random.int(1, 400) * day));
    lines.push(`updatedDate: ${updated.toISOString().slice(0, 10)}`);
  }
  lines.push(
    `author: ${plan.author}`,
    `topics: [${plan.topics.join(', ')}]`,
    `category: ${JSON.stringify(plan.category)}`,
  );
  if (plan.draft) lines.push('draft: true');
  const sources = random.int(0, 3);
  if (sources > 0) {
    lines.push('sources:');
    for (let s = 0; s < sources; s++) {
      const name = capitalise(text.word());
      lines.push(
        `  - title: ${JSON.stringify(`${name} survey of hiring in ${random.pick(['Asia', 'Europe', 'the US'])}`)}`,
        `    publisher: ${JSON.stringify(`${name} Research`)}`,
        `    year: ${random.int(2010, 2026)}`,
        `    url: "https://example.org/${name.toLowerCase()}/${random.int(1000, 9999)}"`,
      );
    }
  }
  lines.push('---', '');
  return lines.join('\n');
}

function list(text: TextSource): string {
  const marker = text.random.chance(0.5) ? '-' : '1.';
  return Array.from({ length: text.random.int(3, 7) }, () => `${marker} ${sentence(text, 4, 14)}`).join('\n');
}

function table(text: TextSource): string {
  const rows = Array.from(
    { length: text.random.int(2, 6) },
    () => `| ${capitalise(text.word())} | ${text.random.int(1, 30)} days | ${sentence(text, 3, 8)} |`,
  );
  return ['| Stage | Typical wait | Note |', '| --- | --- | --- |', ...rows].join('\n');
}

function template(text: TextSource): string {
  return [
    '```text',
    `Subject: ${sentence(text, 3, 7)}`,
    '',
    `Dear ${capitalise(text.word())},`,
    '',
    sentence(text),
    sentence(text),
    '',
    'Best regards',
    '```',
  ].join('\n');
}

/**
 * The MDX file for a planned article. `linkTargets` are published articles it may link to; the rare
 * word is planted in one paragraph of the articles the rare query should find.
 */
export function articleMdx(
  plan: ArticlePlan,
  text: TextSource,
  linkTargets: readonly ArticleFacts[],
  withPlanner: boolean,
): string {
  const { random } = text;
  // Lengths from a short note to a long guide, most of them in between (log-uniform, 250-3,000 words).
  const targetWords = Math.round(250 * Math.pow(12, random.next()));
  const sectionCount = Math.max(0, Math.min(12, Math.round(targetWords / 300) + random.int(-1, 1)));
  const blocks: string[] = [paragraph(text)];
  const link = () => {
    const target = random.pick(linkTargets);
    if (target && random.chance(0.8)) return `Read [${target.title.toLowerCase()}](/advice/${target.id}/) for more.`;
    const topic = random.pick(topicIds);
    return `See the [${topic.replace('-', ' ')} topic](/topics/${topic}/).`;
  };
  const note = random.chance(0.25) ? random.int(0, sectionCount) : -1;
  // About 65 words a paragraph (four sentences of about 16 words).
  const paragraphs = Math.max(1, Math.round(targetWords / (sectionCount + 1) / 65));
  for (let s = 0; s <= sectionCount; s++) {
    if (s > 0) blocks.push(`## ${capitalise(text.word())} ${text.word()} and the ${text.word()}`);
    for (let p = s === 0 ? 1 : 0; p < paragraphs; p++) blocks.push(paragraph(text, random.chance(0.15) ? link() : ''));
    if (s > 0 && random.chance(0.3)) {
      for (let h = random.int(1, 3); h > 0; h--)
        blocks.push(`### ${capitalise(text.word())} ${text.word()}`, paragraph(text));
    }
    if (random.chance(0.25)) blocks.push(list(text));
    if (random.chance(0.08)) blocks.push(`> ${sentence(text)}`);
    if (random.chance(0.04)) blocks.push(table(text));
    if (random.chance(0.05)) blocks.push(template(text));
    if (s === note) blocks.push(`<EditorNote>\n\n${paragraph(text)}\n\n</EditorNote>`);
    if (s === 0 && plan.rare)
      blocks.push(paragraph(text, `The ${rareWord} method keeps every reply to three sentences.`));
    if (s === 0 && withPlanner) blocks.push('<FollowUpPlanner />');
  }
  return `${frontmatter(plan, text)}${blocks.join('\n\n')}\n`;
}

/**
 * The longest title planArticle can write, for the social-card check (tests/build/social-cards.test.ts):
 * the longest lead, object and place, then a firm whose invented name fills it to the 90 characters
 * at which planArticle stops adding one.
 */
export function longestTitle(): string {
  const longest = (list: readonly string[]) => list.reduce((a, b) => (b.length > a.length ? b : a));
  const title = capitalise(`${longest(leads)} ${longest(objects)} ${longest(places)}`);
  const room = 90 - `${title} at  Capital`.length;
  return `${title} at ${capitalise('mourndaxwel'.repeat(4).slice(0, room))} Capital`;
}
