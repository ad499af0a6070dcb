// npm run load [-- newsletter]: the bounded load runs of newsletter.md, loopback only, each exiting
// non-zero when it misses a target.
//   (no argument)  signups: 2,000 from 200 clients, SIGKILL mid-load, SMTP outage (scripts/load/signups.ts)
//   newsletter     one issue to 20,000 subscribers: throughput and peak RSS, SIGKILL and resume,
//                  SMTP outage (scripts/load/newsletter-send.ts)
//   newsletter --segments [--subscribers N]   the same send with readers spread over markets and job
//                  alerts, beside a single-segment send: messages a second of each, sections rendered
const RUNS: Record<string, string> = {
  signups: './load/signups.ts',
  newsletter: './load/newsletter-send.ts',
};

const [mode = 'signups', ...extra] = process.argv.slice(2);
// Only the newsletter run takes options (it reads them from process.argv itself).
if (!Object.hasOwn(RUNS, mode) || (extra.length > 0 && mode !== 'newsletter')) {
  console.error(`Usage: npm run load [-- newsletter [--segments] [--subscribers N]]`);
  process.exit(2);
}
await import(RUNS[mode]);

export {};
