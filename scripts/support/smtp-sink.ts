// An SMTP sink for tests and the signup load run: it keeps every message it accepts, parsed, and
// lets a test wait for the mail to one address. It listens through scripts/support/smtp-listener.ts.
import { listenForMail } from './smtp-listener.ts';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Header values by lower-case name, unfolded. */
  headers: Map<string, string>;
  /** The text/plain part, quoted-printable decoded. */
  text: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message to `address` (already received or still to come). */
  waitForMail(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, '%25');
  return decodeURIComponent(bytes);
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const [head] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const plain = /Content-Type: text\/plain[^\n]*\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([\s\S]*?)\r?\n--/i.exec(raw);
  const encoded = plain ? plain[1] : raw.slice(head.length);
  const text = /Content-Transfer-Encoding: quoted-printable/i.test(raw) ? decodeQuotedPrintable(encoded) : encoded;
  return { to, raw, headers, text };
}

/** The first http(s) link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(prefix));
  if (!link) throw new Error(`no ${prefix} link in mail:\n${mail.text}`);
  return link;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters: { address: string; resolve: (mail: ReceivedMail) => void }[] = [];
  const listener = await listenForMail((stream, recipients, done) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const mail = parseMail(Buffer.concat(chunks).toString('utf8'), recipients);
      messages.push(mail);
      for (const waiter of [...waiters]) {
        if (mail.to.includes(waiter.address)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(mail);
        }
      }
      done();
    });
  }, port);

  return {
    get port() {
      return listener.port;
    },
    get url() {
      return listener.url;
    },
    messages,
    waitForMail(address, timeoutMs = 15_000) {
      const found = messages.find((mail) => mail.to.includes(address));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { address, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`no mail to ${address} within ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      });
    },
    stop: () => listener.stop(),
    start: () => listener.start(),
  };
}
