// An SMTP sink on a loopback port for tests and the load run (the smtp-server package): it accepts
// every message, keeps it, and can be stopped and started again on the same port to play an outage.
import { SMTPServer } from 'smtp-server';

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
  let server: SMTPServer | undefined;
  let boundPort = port;

  function listen(): Promise<void> {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      // Every client is on loopback; a reverse DNS lookup per connection would only add delay.
      disableReverseLookup: true,
      logger: false,
      // Idle pooled connections would otherwise hold close() open for 30 s.
      closeTimeout: 200,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail = parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          );
          messages.push(mail);
          for (const waiter of [...waiters]) {
            if (mail.to.includes(waiter.address)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(mail);
            }
          }
          callback();
        });
      },
    });
    // A client that dies mid-connection (a server killed by a test) must not bring this one down.
    server.on('error', () => {});
    return new Promise((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(boundPort, '127.0.0.1', () => {
        boundPort = (server!.server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  await listen();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
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
    stop() {
      return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    start: listen,
  };
}
