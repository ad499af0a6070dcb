// Every paginated list (articles, topics, authors, the briefing's archive) is paged alike: the same
// page size and the same pagination view model on each page, so the routes only render.
import type { PaginateFunction, Props } from 'astro';
import { PAGE_SIZE, paginationView } from '../domain/articles/paginate';

export function paginateList<T, P extends Props, R extends Record<string, string>>(
  paginate: PaginateFunction,
  items: readonly T[],
  route?: { params: R; props: P },
) {
  return paginate(items as T[], { pageSize: PAGE_SIZE, ...route }).map((path) => ({
    params: path.params,
    props: { ...path.props, pagination: paginationView(path.props.page) },
  }));
}
