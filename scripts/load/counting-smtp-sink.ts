// The SMTP server the send benchmark delivers to (smtp-server on loopback). It keeps only the
// Message-IDs each recipient received, not the messages: 20,000 issues of 12-18 kB kept whole would
// make this process, not the sender, the one short of memory. It can be stopped and started again on
// the same port to play an outage (scripts/support/smtp-listener.ts).
import { listenForMail } from '../support/smtp-listener.ts';

/** The header block is all we read; the rest of a message is dropped as it streams in. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface CountingSmtpSink {
  url: string;
  /** Message-IDs received by each recipient, in arrival order. */
  received: Map<string, string[]>;
  /** Messages accepted so far, every copy counted. */
  readonly total: number;
  /** Stops listening and drops open connections, so the sender's next attempts are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
}

export async function startCountingSmtpSink(): Promise<CountingSmtpSink> {
  const received = new Map<string, string[]>();
  let total = 0;
  const listener = await listenForMail((stream, recipients, done) => {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < MAX_HEADER_BYTES && !head.includes('\r\n\r\n')) head += chunk.toString('utf8');
    });
    stream.on('end', () => {
      const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '(none)';
      for (const address of recipients) {
        const ids = received.get(address);
        if (ids) ids.push(messageId);
        else received.set(address, [messageId]);
      }
      total += 1;
      done();
    });
  });
  return {
    get url() {
      return listener.url;
    },
    received,
    get total() {
      return total;
    },
    stop: () => listener.stop(),
    start: () => listener.start(),
  };
}
