// The one place pages read articles from: published ones only, newest first, read once per build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { isDevelopment } from '../config';
import { publishedArticles } from '../domain/articles/published';
import { relatedIndex, type RelatedIndex } from '../domain/articles/related';

export type Article = CollectionEntry<'articles'>;

interface RankedArticle {
  id: string;
  topics: string[];
  pubDate: Date;
  entry: Article;
}

let cache: Promise<Article[]> | undefined;
let related: Promise<RelatedIndex<RankedArticle>> | undefined;

/** Drafts are listed only by the dev server, so editors can preview them. */
export function getArticles(): Promise<Article[]> {
  cache ??= getCollection('articles').then((all) => publishedArticles(all, new Date(), isDevelopment));
  return cache;
}

/**
 * The related articles of a published article. The ranking index is built once per build and
 * shared by every article page, so the build does not grow with the square of the article count.
 */
export async function getRelatedArticles(article: Article, limit?: number): Promise<Article[]> {
  related ??= getArticles().then((all) =>
    relatedIndex(
      all.map((a) => ({ id: a.id, topics: a.data.topics.map((t) => t.id), pubDate: a.data.pubDate, entry: a })),
    ),
  );
  const index = await related;
  return index
    .relatedTo({ id: article.id, topics: article.data.topics.map((t) => t.id), pubDate: article.data.pubDate }, limit)
    .map((r) => r.entry);
}

/**
 * Published articles grouped under each of `ids` (topics or authors), newest first, in one pass,
 * so list pages grow with the number of articles, not articles times groups.
 */
export async function articlesGroupedBy(
  ids: readonly string[],
  groupsOf: (article: Article) => string[],
): Promise<Map<string, Article[]>> {
  const groups = new Map<string, Article[]>(ids.map((id) => [id, []]));
  for (const article of await getArticles()) for (const id of groupsOf(article)) groups.get(id)?.push(article);
  return groups;
}

/**
 * The MDX source of an article, read from its file: the collection keeps no bodies (see
 * src/content.config.ts). Entry paths are relative to the project root, where builds and the dev
 * server run.
 */
export async function articleSource(article: Article): Promise<string> {
  if (!article.filePath) throw new Error(`Article ${article.id} has no source file`);
  return readFile(path.resolve(article.filePath), 'utf8');
}

export const FLAGSHIP_ID = 'interview-follow-through';
