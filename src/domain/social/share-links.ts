// Share links for a page: plain addresses of each network's own share form, so sharing loads no
// third-party script. The page's URL and title travel as query parameters, encoded here once.

export interface ShareLink {
  /** Where the link shares to, as the reader sees it. */
  network: 'LinkedIn' | 'X' | 'Email';
  href: string;
}

/**
 * Encodes a query value, leaving the ":", "/" and "," a query may carry as they are: the page's URL
 * then reads as itself, and the page's HTML (within its byte budget) compresses it with the canonical link.
 */
export function queryValue(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|2F|2C)/g, (escape) => decodeURIComponent(escape));
}

export function shareLinks(url: string, title: string): ShareLink[] {
  const [u, t] = [queryValue(url), queryValue(title)];
  return [
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    // No text for X: its post shows the page's card, title included, and a second copy of the title
    // would not fit the flagship's HTML budget.
    { network: 'X', href: `https://x.com/intent/post?url=${u}` },
    { network: 'Email', href: `mailto:?subject=${t}&body=${u}` },
  ];
}
