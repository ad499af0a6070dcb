import { describe, expect, it } from 'vitest';
import { socialCardAlt, siteCard, plannerCard } from '../../../../src/domain/social/card.ts';
import { queryValue, shareLinks } from '../../../../src/domain/social/share-links.ts';
import { socialCardUrl } from '../../../../src/domain/urls.ts';

describe('shareLinks', () => {
  const url = 'https://example.com/advice/offers/';
  const links = Object.fromEntries(shareLinks(url, 'Offers & deadlines: 5 rules').map((l) => [l.network, l.href]));

  it('links to each network’s own share form with the page’s URL and title', () => {
    expect(links.LinkedIn).toBe(
      'https://www.linkedin.com/sharing/share-offsite/?url=https://example.com/advice/offers/',
    );
    expect(links.X).toBe('https://x.com/intent/post?url=https://example.com/advice/offers/');
    expect(links.Email).toBe(
      'mailto:?subject=Offers%20%26%20deadlines:%205%20rules&body=https://example.com/advice/offers/',
    );
  });

  it('keeps every value intact when the share form decodes it', () => {
    const hard = 'A&B=C?#%+ / é';
    const parsed = new URL(`https://x.com/intent/post?text=${queryValue(hard)}&url=${queryValue(`${url}?q=1&r=2`)}`);
    expect(parsed.searchParams.get('text')).toBe(hard);
    expect(parsed.searchParams.get('url')).toBe(`${url}?q=1&r=2`);
  });
});

describe('social cards', () => {
  it('live in their page’s folder; the home page has the site-wide card', () => {
    expect(socialCardUrl('/advice/offers/')).toBe('/advice/offers/card.png');
    expect(socialCardUrl('/jobs/x')).toBe('/jobs/x/card.png');
    expect(socialCardUrl(siteCard().page)).toBe('/card.png');
    expect(socialCardUrl(plannerCard().page)).toBe('/tools/follow-up-planner/card.png');
  });

  it('describe themselves by type and title', () => {
    expect(socialCardAlt(plannerCard())).toBe('Tool: Follow-up timing planner');
  });
});
