// Writes a synthetic content folder: the real authors, topics and jobs (the site needs them) plus
// `count` generated articles. The same count always gives byte-identical files.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { articleMdx, day, newest, planArticle, type ArticleFacts, type TextSource } from './article.ts';
import { seededRandom } from './random.ts';
import { commonWords, inventedWords, rareWord, zipfSampler } from './vocabulary.ts';

export interface Corpus {
  articles: ArticleFacts[];
  /** The word only the `rare` articles contain. */
  rareWord: string;
  /** Total bytes of the generated MDX. */
  bytes: number;
}

/** How many articles carry the rare word: a handful, as a real rare term would. */
const rareArticles = 3;

/** Articles that show the planner island, like the flagship does on the real site. */
const plannerArticles = 1;

/** Invented words in the vocabulary's long tail; enough that a large corpus keeps finding new ones. */
const tailSize = 40_000;

function textSource(seed: number): TextSource {
  const random = seededRandom(seed);
  return { random, word: zipfSampler([...commonWords, ...inventedWords(tailSize, random)], random) };
}

export async function writeCorpus(contentDir: string, count: number, sourceContentDir: string): Promise<Corpus> {
  await mkdir(path.join(contentDir, 'articles'), { recursive: true });
  for (const collection of ['authors', 'topics', 'jobs']) {
    await cp(path.join(sourceContentDir, collection), path.join(contentDir, collection), { recursive: true });
  }
  const text = textSource(20_261_126);
  // Spread the rare word over the corpus rather than bunching it at the start.
  const rareAt = new Set(
    Array.from({ length: rareArticles }, (_, k) => Math.floor((count * (k + 1)) / (rareArticles + 1))),
  );
  const plans = Array.from({ length: count }, (_, i) => planArticle(i, text, rareAt.has(i)));
  const linkTargets = plans.filter((p) => p.published);
  let bytes = 0;
  // Sequential writes in batches keep memory flat at 10,000+ articles without opening too many files.
  const batch: Promise<void>[] = [];
  for (const [i, plan] of plans.entries()) {
    const mdx = articleMdx(plan, text, linkTargets, i < plannerArticles);
    bytes += Buffer.byteLength(mdx);
    batch.push(writeFile(path.join(contentDir, 'articles', `${plan.id}.mdx`), mdx));
    if (batch.length >= 64) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  const articles = plans.map(({ id, title, topics, author, pubDate, published, rare }) => ({
    id,
    title,
    topics,
    author,
    pubDate,
    published,
    rare,
  }));
  return { articles, rareWord, bytes };
}

/**
 * Writes one more published article, dated after every other, as an editor publishing today would:
 * the one-article rebuild's change. Returns its facts.
 */
export async function writeOneMoreArticle(contentDir: string, corpus: Corpus): Promise<ArticleFacts> {
  const text = textSource(20_261_203);
  const planned = planArticle(corpus.articles.length, text, false);
  const plan = { ...planned, pubDate: new Date(newest + day), draft: false, published: true };
  const linkTargets = corpus.articles.filter((a) => a.published);
  await writeFile(path.join(contentDir, 'articles', `${plan.id}.mdx`), articleMdx(plan, text, linkTargets, false));
  const { id, title, topics, author, pubDate, published, rare } = plan;
  return { id, title, topics, author, pubDate, published, rare };
}
