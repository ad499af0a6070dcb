// The card's design as the element tree satori lays out: plain objects, so it is pure and the
// cache key can include it (a change of colour or size renders every card again). The renderer in
// src/integrations/social-cards/ picks the title size: it starts at titleSizeFor(title) and steps
// down through titleSizes while satori's layout says the title is taller than its box.
import { siteName } from '../site.ts';
import type { SocialCard } from './card.ts';

export const cardWidth = 1200;
export const cardHeight = 630;

/** The light half of the theme tokens in src/styles/global.css (a unit test keeps them equal). */
export const cardPalette = {
  bg: '#fbfaf7',
  fg: '#1c1d1f',
  muted: '#53565c',
  accent: '#0a5a4d',
  border: '#d9d6cf',
  surface: '#f1efe9',
};

/** The font families the renderer registers (bundled from @fontsource). */
export const cardFonts = { sans: 'Inter', serif: 'Source Serif 4' };

/** Title sizes in px, largest first; the smallest fits the longest title any schema allows. */
export const titleSizes = [76, 68, 60, 54, 48, 42] as const;
/** Line height of the title, in ems. */
export const titleLineHeight = 1.15;
const padding = { x: 80, y: 56 };
const textWidth = cardWidth - 2 * padding.x;

/** Keys of the nodes the renderer measures in satori's layout. */
export const measuredKeys = { title: 'title', footer: 'footer' } as const;

/** Where the footer must end: a title too tall for its box pushes the footer past this line. */
export const contentBottom = cardHeight - padding.y;

export interface CardElement {
  type: 'div';
  key?: string;
  props: { style: Record<string, string | number>; children?: string | CardElement[] };
}

function div(style: CardElement['props']['style'], children?: string | CardElement[], key?: string): CardElement {
  return { type: 'div', ...(key ? { key } : {}), props: { style, ...(children === undefined ? {} : { children }) } };
}

/**
 * A first guess at the title size from its length, so most cards are laid out once: Source Serif 4
 * Bold averages a little under 0.5 em a character. Satori's layout has the final word.
 */
export function titleSizeFor(title: string): number {
  const averageGlyph = 0.5;
  const titleBoxHeight = 330;
  for (const size of titleSizes) {
    const lines = Math.ceil((title.length * averageGlyph * size) / textWidth);
    if (lines * size * titleLineHeight <= titleBoxHeight) return size;
  }
  return titleSizes[titleSizes.length - 1];
}

/** The card at a given title size; `clampLines` cuts the title with an ellipsis (the renderer's last resort). */
export function cardLayout(card: SocialCard, titleSize: number, clampLines?: number): CardElement {
  const p = cardPalette;
  return div(
    {
      width: cardWidth,
      height: cardHeight,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: p.bg,
      fontFamily: cardFonts.sans,
      color: p.fg,
    },
    [
      div({ height: 14, backgroundColor: p.accent, flexShrink: 0 }),
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          width: textWidth,
          marginLeft: padding.x,
          marginTop: padding.y - 14,
          marginBottom: padding.y,
        },
        [
          div(
            { fontSize: 26, fontWeight: 600, color: p.accent, letterSpacing: 2, textTransform: 'uppercase' },
            card.kind,
          ),
          div({ display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, flexShrink: 1 }, [
            div(
              {
                fontFamily: cardFonts.serif,
                fontWeight: 700,
                fontSize: titleSize,
                lineHeight: titleLineHeight,
                width: textWidth,
                // A word wider than the card (a pasted URL, a long compound) wraps instead of running off it.
                wordBreak: 'break-word',
                ...(clampLines ? { display: 'block', lineClamp: clampLines } : {}),
              },
              card.title,
              measuredKeys.title,
            ),
          ]),
          // A rule drawn as a 2 px box: a CSS border would make satori clip it, and every clip costs resvg
          // a pass over the whole canvas (about 5 ms a card).
          div({ height: 2, backgroundColor: p.border, flexShrink: 0 }),
          div(
            {
              display: 'flex',
              alignItems: 'flex-end',
              justifyContent: 'space-between',
              paddingTop: 22,
              flexShrink: 0,
            },
            [
              div(
                {
                  display: 'flex',
                  flexDirection: 'column',
                  fontSize: 28,
                  lineHeight: 1.35,
                  color: p.muted,
                  width: 720,
                },
                card.details.map((line) => div({}, line)),
              ),
              div({ fontFamily: cardFonts.serif, fontWeight: 700, fontSize: 32, color: p.accent }, siteName),
            ],
            measuredKeys.footer,
          ),
        ],
      ),
    ],
  );
}
