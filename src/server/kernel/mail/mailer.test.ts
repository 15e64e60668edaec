import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp-sink.js';
import { createSmtpMailer } from './mailer.js';

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe('SMTP mailer', () => {
  it('hands one message to a real SMTP server, from the configured sender', async () => {
    const mailer = createSmtpMailer({ url: sink.url, from: 'concerto@example.be' });
    await mailer.send({
      to: 'invitee@example.be',
      subject: 'Invitation à Concerto',
      text: 'Ça marche.\nÜberall.',
    });
    const mail = sink.messages.at(-1)!;
    expect(mail.envelopeFrom).toBe('concerto@example.be');
    expect(mail.envelopeTo).toEqual(['invitee@example.be']);
    expect(mail.headers.get('from')).toBe('concerto@example.be');
    expect(mail.headers.get('to')).toBe('invitee@example.be');
    expect(mail.headers.get('subject')).toBe('Invitation à Concerto');
    expect(mail.text).toBe('Ça marche.\nÜberall.');
  });

  it('rejects when the server refuses the recipient', async () => {
    const mailer = createSmtpMailer({ url: sink.url, from: 'concerto@example.be' });
    sink.refusing = true;
    try {
      const before = sink.messages.length;
      await expect(mailer.send({ to: 'x@example.be', subject: 's', text: 't' })).rejects.toThrow(/550/);
      expect(sink.messages).toHaveLength(before);
    } finally {
      sink.refusing = false;
    }
  });

  it('rejects when no server listens', async () => {
    const gone = await startSmtpSink();
    await gone.close();
    const mailer = createSmtpMailer({ url: gone.url, from: 'concerto@example.be' });
    await expect(mailer.send({ to: 'x@example.be', subject: 's', text: 't' })).rejects.toThrow();
  });
});
