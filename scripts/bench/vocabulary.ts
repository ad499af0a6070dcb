// Words for synthetic articles. Real prose follows Zipf's law: a few hundred words make up most of
// the text and a long tail of rare words (names, firms, jargon) makes up most of the vocabulary.
// The search index grows with that tail, so the generator draws from both: real words at the top
// ranks, invented but pronounceable words below them.
import type { Random } from './random.ts';

/** The most frequent words, most frequent first; "interview" is common on purpose (the common query). */
export const commonWords = `the of and to a in that is for it you with as on be your this are or not have
interview follow up after role hiring manager recruiter offer note email week candidate job search team
will can about more when from they what their one an at if by was but we all so time day questions
bank finance analyst associate desk credit risk market trading research fund operations compliance
thank call reply process round deadline salary package negotiation contact network coffee referral
Singapore Hong Kong London New York client meeting pitch deal firm partner director interviewer panel
first second final date decision feedback update news silence wait chase polite short clear warm
write send ask answer keep stay remember plan prepare practise review learn show explain mention
good strong honest specific useful brief careful calm confident patient direct friendly professional
people person colleague former manager head group office floor city region market season quarter
month year morning evening Monday Tuesday Wednesday Thursday Friday weekend holiday calendar schedule
reason answer example story result skill experience strength weakness career move change step path
letter message subject line signature paragraph sentence word phrase tone voice detail point summary
agency headhunter mandate shortlist pipeline assessment case study model test presentation
compensation bonus base allowance notice period start relocation visa contract permanent temporary
LinkedIn profile CV resume cover portfolio record reference background check verification
hours minutes days weeks months never always often rarely usually sometimes today tomorrow yesterday
because although while until unless since before then still just only also even already again
make take give get find think know want need help work use try look feel seem leave move turn`
  .split(/\s+/)
  .filter(Boolean);

const onsets = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ie'];
const codas = ['', '', 'n', 'r', 'l', 's', 'm', 'nd', 'rt', 'x'];

/** The rare query's word; the vocabulary never produces it, so only planted articles contain it. */
export const rareWord = 'quillfeather';

/** Pronounceable invented words standing in for the long tail (names, places, jargon). */
export function inventedWords(count: number, random: Random): string[] {
  const words = new Set<string>();
  const taken = new Set(commonWords.map((w) => w.toLowerCase()));
  while (words.size < count) {
    let word = '';
    for (let s = random.int(2, 4); s > 0; s--) word += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    if (!taken.has(word) && word !== rareWord && !word.includes(rareWord)) words.add(word);
  }
  return [...words];
}

/** Draws words by rank with probability proportional to 1 / rank (Zipf's law, exponent 1). */
export function zipfSampler(words: readonly string[], random: Random): () => string {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = total += 1 / (i + 1);
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}
