/**
 * Outgoing mail over SMTP (ARCHITECTURE §2: nodemailer). Concerto mails never carry personal
 * data — only "there is something for you in Concerto" and a link — so this kernel sends what
 * it is given and logs nothing of it; the callers own the texts.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  /** One recipient address: a mail is never sent to several people at once. */
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects when it did not. */
  send(message: MailMessage): Promise<void>;
}

export interface SmtpMailerOptions {
  /** smtp:// (STARTTLS when the server offers it) or smtps://, credentials in the URL. */
  url: string;
  from: string;
}

/** A server that does not answer must fail the invitation quickly, not hang the operator. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

export function createSmtpMailer({ url, from }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(
    {
      url,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    },
    { from },
  );
  return {
    async send({ to, subject, text, html }) {
      await transport.sendMail({ to, subject, text, ...(html === undefined ? {} : { html }) });
    },
  };
}
