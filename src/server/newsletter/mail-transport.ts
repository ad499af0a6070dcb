// Delivery of one message: to an SMTP server when SMTP_URL is set, otherwise into .eml files under
// DATA_DIR/outbox/ so that `npm start` works with no mail server at all.

import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { maskEmail } from '../../domain/newsletter/email-address.ts';
import type { Log } from './log.ts';
import { PRIVATE_FILE_MODE, privateFolder, privateFolderAndFiles } from './private-files.ts';

/** Any message the newsletter sends: a confirmation, an issue, a test copy. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per message, so a copy re-sent after a crash is recognisable as the same message. */
  messageId: string;
  /** Extra headers: List-Unsubscribe, List-Unsubscribe-Post, List-Id. */
  headers: Record<string, string>;
  /** A link file-mode delivery logs for the developer (the confirmation link). */
  confirmUrl?: string;
}

export interface MailTransport {
  /** Resolves once the message is accepted; rejects otherwise (see isPermanentFailure). */
  send(message: MailMessage): Promise<void>;
  close(): void;
  /** For the start-up log line; never contains credentials. */
  description: string;
}

export interface MailTransportOptions {
  smtpUrl: string;
  dataDir: string;
  mailFrom: string;
  log: Log;
}

/** An error the mail server will give again if asked again (5xx), as opposed to an outage. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://; got "${url.protocol}".`);
  }
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A few reused connections: opening one per message costs a greeting each, and servers may
    // delay greetings on purpose (smtp-server waits 100 ms, Postfix's postscreen longer).
    pool: true as const,
    maxConnections: 5,
    // An unreachable server should fail fast and be retried later, not hold a send open for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: noDelaySocket,
  };
}

/**
 * Opens the TCP connection with Nagle's algorithm off. Nodemailer leaves it on, and a message body
 * written in several chunks then waits for the server's delayed ACK (about 40 ms) on every email;
 * measured here, that capped delivery at about 60 emails a second over loopback.
 * The socket is handed over before it has connected, so that a refused or failed connection
 * surfaces as an error of nodemailer's own connection, which the pool cleans up after. (A failure
 * reported through this callback instead would leave a dead slot in the pool for good.)
 */
function noDelaySocket(
  options: { host?: string; port?: number },
  callback: (error: Error | null, socketOptions: { connection: Socket }) => void,
): void {
  callback(null, { connection: connect({ host: options.host, port: options.port ?? 587, noDelay: true }) });
}

function envelope(message: MailMessage, mailFrom: string) {
  return {
    from: mailFrom,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
  };
}

function smtpTransport(options: MailTransportOptions): MailTransport {
  const settings = smtpOptions(options.smtpUrl);
  const transporter = nodemailer.createTransport(settings);
  return {
    description: `SMTP ${settings.host}:${settings.port}`,
    async send(message) {
      const info = await transporter.sendMail(envelope(message, options.mailFrom));
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw Object.assign(new Error(`The mail server refused the recipient: ${info.response}`), {
          responseCode: 550,
        });
      }
    },
    close() {
      transporter.close();
    },
  };
}

function fileTransport(options: MailTransportOptions): MailTransport {
  const folder = join(options.dataDir, 'outbox');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // The files hold live confirmation links and full addresses: private, those written before included.
  if (existsSync(folder)) privateFolderAndFiles(folder);
  return {
    description: `files in ${folder} (set SMTP_URL to send real mail)`,
    async send(message) {
      const info = await transporter.sendMail(envelope(message, options.mailFrom));
      privateFolder(folder);
      // Named after the Message-ID, so a message re-sent after a crash replaces its earlier copy.
      const name = message.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9.-]/g, '_') + '.eml';
      // Write then rename, so a crash never leaves half a message that looks complete.
      const draft = join(folder, `.${name}.tmp`);
      writeFileSync(draft, info.message as Buffer, { mode: PRIVATE_FILE_MODE });
      renameSync(draft, join(folder, name));
      // File mode is for development: the log is how the developer finds the link to click.
      const link = message.confirmUrl ? `; confirm link: ${message.confirmUrl}` : '';
      options.log.info(`mail for ${maskEmail(message.to)} written to ${join(folder, name)}${link}`);
    },
    close() {
      transporter.close();
    },
  };
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  return options.smtpUrl ? smtpTransport(options) : fileTransport(options);
}
