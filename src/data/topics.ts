// Topics as pages and components need them; the only place that reads the topics collection.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Article } from './articles';

export type Topic = CollectionEntry<'topics'>;

export function getTopics(): Promise<Topic[]> {
  return getCollection('topics');
}

/** Every topic in alphabetical order of its name, for choosing among them. */
export async function topicsByName(): Promise<Topic[]> {
  return [...(await getTopics())].sort((a, b) => a.data.name.localeCompare(b.data.name));
}

/** An article's topics, in the order its editor listed them. */
export async function topicsOf(article: Article): Promise<Topic[]> {
  const topics = await Promise.all(article.data.topics.map((t) => getEntry(t)));
  return topics.filter((t) => t !== undefined);
}
