// What a social card says: the text of the image a link preview shows (LinkedIn, X, chat apps).
// The card's file is named after its page (socialCardUrl in ../urls.ts); its alt text comes from here.
import { siteTagline } from '../site.ts';
import { homeUrl, plannerUrl, socialCardUrl } from '../urls.ts';

export interface SocialCard {
  /** The page the card belongs to, e.g. /advice/<slug>/; the site-wide card has the home page. */
  page: string;
  /** The category or type above the title: "Insider comment", "Job", "Newsletter", "Tool". */
  kind: string;
  title: string;
  /** One or two short lines under the title: a byline and date, or employer, location and closing date. */
  details: string[];
}

/** The og:image:alt text: the card's type and title (its byline or employer is on the page itself). */
export function socialCardAlt(card: SocialCard): string {
  return `${card.kind}: ${card.title}`;
}

/** What the page's head needs: the image's site path and its alt text. */
export interface SocialImage {
  src: string;
  alt: string;
}

export function socialImageOf(card: SocialCard): SocialImage {
  return { src: socialCardUrl(card.page), alt: socialCardAlt(card) };
}

/** The card of every page without one of its own. */
export function siteCard(): SocialCard {
  return {
    page: homeUrl(),
    kind: 'Career advice',
    title: siteTagline,
    details: ['Advice, tools, jobs and a daily briefing'],
  };
}

export function plannerCard(): SocialCard {
  return {
    page: plannerUrl(),
    kind: 'Tool',
    title: 'Follow-up timing planner',
    details: ['Dates every follow-up after an interview'],
  };
}
