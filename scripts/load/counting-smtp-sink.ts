// The SMTP server the send benchmark delivers to (smtp-server on loopback). It keeps only the
// Message-IDs each recipient received, not the messages: 20,000 issues of 12-18 kB kept whole would
// make this process, not the sender, the one short of memory. It can be stopped (connections are
// refused) and started again on the same port to play an outage.
import { SMTPServer } from 'smtp-server';

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
  let port = 0;
  let server: SMTPServer | undefined;

  function listen(): Promise<void> {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      // Pooled connections would otherwise hold close() open for 30 s.
      closeTimeout: 200,
      onData(stream, session, callback) {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < MAX_HEADER_BYTES && !head.includes('\r\n\r\n')) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '(none)';
          for (const { address } of session.envelope.rcptTo) {
            const ids = received.get(address);
            if (ids) ids.push(messageId);
            else received.set(address, [messageId]);
          }
          total += 1;
          callback();
        });
      },
    });
    // A sender killed mid-message must not bring the sink down.
    server.on('error', () => {});
    return new Promise((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => {
        port = (server!.server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    get total() {
      return total;
    },
    stop() {
      return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    start: listen,
  };
}
