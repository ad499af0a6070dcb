// Renders one card: satori lays out the element tree from src/domain/social/card-layout.ts and
// writes SVG, resvg rasterises it, png.ts encodes it. The title's size is chosen by satori's own
// layout: from the first guess down through titleSizes until the title is no taller than its box.
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font, type SatoriNode } from 'satori';
import type { SocialCard } from '../../domain/social/card.ts';
import {
  cardHeight,
  contentBottom,
  cardLayout,
  cardWidth,
  measuredKeys,
  titleSizeFor,
  titleLineHeight,
  titleSizes,
} from '../../domain/social/card-layout.ts';
import { encodePng } from './png.ts';

/** What the layout measured: tests assert on it, the build warns when a title had to be clamped. */
export interface CardFit {
  titleSize: number;
  /** Lines of the title as laid out. */
  titleLines: number;
  /** The title was too tall even at the smallest size, so it was cut to the lines that fit. */
  clamped: boolean;
  /** Every piece of text lies inside the canvas and the footer above the bottom margin. */
  fits: boolean;
}

export interface RenderedCard {
  png: Buffer;
  fit: CardFit;
}

interface Measured {
  svg: string;
  title: SatoriNode;
  footer: SatoriNode;
  fits: boolean;
}

async function layOut(card: SocialCard, titleSize: number, fonts: Font[], clampLines?: number): Promise<Measured> {
  const nodes: SatoriNode[] = [];
  const tree = cardLayout(card, titleSize, clampLines);
  // satori's types expect React elements; the plain objects of the layout are what it reads.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
    width: cardWidth,
    height: cardHeight,
    fonts,
    onNodeDetected: (node) => nodes.push(node),
  });
  const title = nodes.find((n) => n.key === measuredKeys.title);
  const footer = nodes.find((n) => n.key === measuredKeys.footer);
  if (!title || !footer) throw new Error('The card layout lost its measured nodes.');
  // A title taller than its box pushes the footer down rather than overlapping it, so the footer's
  // bottom says whether the title fitted; the canvas check catches anything running off the sides.
  const fits =
    footer.top + footer.height <= contentBottom + 0.5 &&
    nodes
      .filter((n) => n.textContent)
      .every((n) => n.left >= 0 && n.top >= 0 && n.left + n.width <= cardWidth && n.top + n.height <= cardHeight);
  return { svg, title, footer, fits };
}

const lineCount = (node: SatoriNode, size: number) => Math.round(node.height / (size * titleLineHeight));

/** Lays the card out at the largest title size that fits, then rasterises it. */
export async function renderCard(card: SocialCard, fonts: Font[]): Promise<RenderedCard> {
  const sizes = titleSizes.filter((size) => size <= titleSizeFor(card.title));
  let size = sizes[0];
  let measured = await layOut(card, size, fonts);
  for (const smaller of sizes.slice(1)) {
    if (measured.fits) break;
    size = smaller;
    measured = await layOut(card, size, fonts);
  }
  let clamped = false;
  if (!measured.fits) {
    clamped = true;
    const overflow = measured.footer.top + measured.footer.height - contentBottom;
    const lines = lineCount(measured.title, size) - Math.ceil(overflow / (size * titleLineHeight));
    measured = await layOut(card, size, fonts, Math.max(1, lines));
  }
  const image = new Resvg(measured.svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return {
    png: encodePng(image.pixels, image.width, image.height),
    fit: { titleSize: size, titleLines: lineCount(measured.title, size), clamped, fits: measured.fits },
  };
}
