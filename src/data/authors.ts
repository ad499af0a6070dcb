// Authors as pages need them; the only place that reads the authors collection.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Article } from './articles';

export type Author = CollectionEntry<'authors'>;

export function getAuthors(): Promise<Author[]> {
  return getCollection('authors');
}

/** An article's author; the schema's reference() has already checked the author exists. */
export async function authorOf(article: Article): Promise<Author> {
  const author = await getEntry(article.data.author);
  if (!author) throw new Error(`Article ${article.id} names an unknown author, ${article.data.author.id}`);
  return author;
}
