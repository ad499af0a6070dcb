// One way to run an SMTP server on a loopback port (the smtp-server package) for tests and load runs:
// it accepts every message and hands each to the caller's handler, and it can be stopped (connections
// refused) and started again on the same port to play an outage.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions } from 'smtp-server';

/** How every SMTP server of the tests and load runs is set up: plain SMTP on loopback, no login. */
export const loopbackSmtpOptions = {
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  // Every client is on loopback; a reverse DNS lookup per connection would only add delay.
  disableReverseLookup: true,
  logger: false,
  // Idle pooled connections would otherwise hold close() open for 30 s.
  closeTimeout: 200,
} satisfies SMTPServerOptions;

/** Reads one message; calls `done` once it has what it wants (the message is then accepted). */
export type MessageHandler = (stream: SMTPServerDataStream, recipients: string[], done: () => void) => void;

export interface SmtpListener {
  readonly port: number;
  readonly url: string;
  /** Stops listening and drops open connections, so a sender's next attempts are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
}

export async function listenForMail(onMessage: MessageHandler, port = 0): Promise<SmtpListener> {
  let server: SMTPServer | undefined;
  let boundPort = port;

  function listen(): Promise<void> {
    server = new SMTPServer({
      ...loopbackSmtpOptions,
      onData(stream, session, callback) {
        onMessage(
          stream,
          session.envelope.rcptTo.map((r) => r.address),
          () => callback(),
        );
      },
    });
    // A client that dies mid-connection (a sender killed by a test) must not bring this one down.
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
    stop() {
      return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    start: listen,
  };
}
