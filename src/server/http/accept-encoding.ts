// Which of our encodings a client accepts, by RFC 9110's Accept-Encoding rules: a q-value of 0 means
// "not acceptable", "*" stands for every coding not named, and identity is always the fallback
// (we never answer 406: every client can read an unencoded file).

export type Encoding = 'br' | 'gzip';

/** The q-value of each coding named in the header, "*" included; malformed q-values count as 1. */
function qualities(header: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!coding) continue;
    const q = params.find((param) => /^q\s*=/.test(param));
    const value = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
    result.set(coding, Number.isFinite(value) && value >= 0 && value <= 1 ? value : 1);
  }
  return result;
}

/** The preferred encoding among `offered` (in our order of preference on a tie), or undefined for identity. */
export function chooseEncoding(header: string, offered: readonly Encoding[] = ['br', 'gzip']): Encoding | undefined {
  const q = qualities(header);
  const wildcard = q.get('*') ?? 0;
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const coding of offered) {
    const value = q.get(coding) ?? wildcard;
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
}
