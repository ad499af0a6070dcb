import { describe, expect, it } from 'vitest';
import {
  adviceUrl,
  articleUrl,
  authorUrl,
  homeUrl,
  jobUrl,
  jobsUrl,
  newsletterCheckInboxUrl,
  newsletterConfirmUrl,
  newsletterSubscribeUrl,
  newsletterUnsubscribeUrl,
  newsletterUrl,
  plannerUrl,
  recruitersUrl,
  rssUrl,
  searchUrl,
  sitemapUrl,
  topicUrl,
  underBase,
  withTrailingSlash,
} from '../../../src/domain/urls';

describe('withTrailingSlash', () => {
  it.each([
    ['/blog', '/blog/'],
    ['blog', '/blog/'],
    ['/blog/', '/blog/'],
    ['', '/'],
    ['/', '/'],
  ])('%s -> %s', (path, expected) => expect(withTrailingSlash(path)).toBe(expected));
});

describe('underBase', () => {
  it.each([
    ['/jobs/', '/', '/jobs/'],
    ['/jobs/', '/careers', '/careers/jobs/'],
    ['/jobs/', '/careers/', '/careers/jobs/'],
    ['/', '/careers/', '/careers/'],
    ['/search/', undefined, '/search/'],
  ])('%s under %s is %s', (path, base, expected) => expect(underBase(path, base)).toBe(expected));
});

describe('site pages', () => {
  it.each([
    [homeUrl(), '/'],
    [adviceUrl(), '/advice/'],
    [articleUrl('interview-follow-through'), '/advice/interview-follow-through/'],
    [topicUrl('job-search'), '/topics/job-search/'],
    [authorUrl('editorial-desk'), '/authors/editorial-desk/'],
    [jobUrl('quayfield-credit-risk-analyst-singapore'), '/jobs/quayfield-credit-risk-analyst-singapore/'],
    [recruitersUrl(), '/recruiters/'],
    [searchUrl(), '/search/'],
    [plannerUrl(), '/tools/follow-up-planner/'],
    [rssUrl(), '/rss.xml'],
    [sitemapUrl(), '/sitemap-index.xml'],
    [newsletterUrl(), '/newsletter/'],
    [newsletterSubscribeUrl(), '/api/newsletter/subscribe/'],
    [newsletterCheckInboxUrl(), '/newsletter/check-your-inbox/'],
  ])('%s is %s', (built, expected) => expect(built).toBe(expected));
});

describe('jobsUrl', () => {
  it.each([
    [{}, '/jobs/'],
    [{ location: 'hong-kong' }, '/jobs/location/hong-kong/'],
    [{ function: 'risk' }, '/jobs/function/risk/'],
    [{ location: 'london', function: 'sales-and-trading' }, '/jobs/location/london/function/sales-and-trading/'],
    [{ location: undefined, function: 'risk' }, '/jobs/function/risk/'],
  ])('%o is %s', (filter, expected) => expect(jobsUrl(filter)).toBe(expected));

  it('is the whole board without a filter', () => expect(jobsUrl()).toBe('/jobs/'));
});

describe('newsletter links', () => {
  it('confirm: the page alone, or with its token encoded', () => {
    expect(newsletterConfirmUrl()).toBe('/newsletter/confirm/');
    expect(newsletterConfirmUrl('a b/c+d')).toBe('/newsletter/confirm/?token=a%20b%2Fc%2Bd');
  });

  it('unsubscribe: the page alone, or with the id and signature encoded', () => {
    expect(newsletterUnsubscribeUrl()).toBe('/newsletter/unsubscribe/');
    expect(newsletterUnsubscribeUrl({ id: 'id&1', signature: 'ab_c-d' })).toBe(
      '/newsletter/unsubscribe/?id=id%261&sig=ab_c-d',
    );
  });
});
