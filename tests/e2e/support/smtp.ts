// The specs' SMTP sink, shared with the load run (scripts/support/smtp-sink.ts).
export { linkIn, parseMail, startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../../scripts/support/smtp-sink.ts';
