// The one place pages read articles from: published ones only, newest first, read once per build.
import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedArticles } from '../lib/articles/published';

export type Article = CollectionEntry<'articles'>;

let cache: Promise<Article[]> | undefined;

/** Drafts are listed only by the dev server, so editors can preview them. */
export function getArticles(): Promise<Article[]> {
  cache ??= getCollection('articles').then((all) => publishedArticles(all, new Date(), import.meta.env.MODE === 'development'));
  return cache;
}

export const FLAGSHIP_ID = 'interview-follow-through';
