// One search result as the reader sees it: the title linked to the page, the excerpt with the matched
// words marked, and the page's type, topics and date.
import { excerptParts } from '../../domain/search/excerpt';
import { formatResultDate } from '../../domain/search/messages';
import type { PagefindResultData } from './pagefind-loader';

/** An element with Tailwind classes and, optionally, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Every piece of page text goes in as a text node; only our own <mark> elements are created. */
function excerptParagraph(excerpt: string): HTMLParagraphElement {
  const p = element('p', 'mt-1 text-sm leading-relaxed');
  for (const part of excerptParts(excerpt)) {
    p.append(part.marked ? element('mark', 'rounded-sm bg-accent/15 font-semibold text-fg', part.text) : part.text);
  }
  return p;
}

export function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'border-b border-border py-3 last:border-b-0');
  const link = element(
    'a',
    'font-semibold text-accent underline-offset-4 hover:underline',
    data.meta.title || data.url,
  );
  link.href = data.url;
  link.dataset.resultLink = '';
  const heading = element('h3', 'text-base');
  heading.append(link);
  item.append(heading, excerptParagraph(data.excerpt));
  const type = data.filters.type?.[0];
  const details = [
    type && type !== 'Article' ? type : '',
    (data.filters.topic ?? []).join(', '),
    formatResultDate(data.meta.date),
  ].filter(Boolean);
  if (details.length > 0) item.append(element('p', 'mt-1 text-xs text-muted', details.join(' · ')));
  return item;
}
