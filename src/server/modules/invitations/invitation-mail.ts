/**
 * The invitation mail, in the invitee's language. ARCHITECTURE §2: a mail carries no personal
 * data, so it says only that an invitation to Concerto is waiting, the link and its expiry —
 * never who invited, for which organisation, case or role. The recipient address is the only
 * personal data in the message (issue 3 scope 2).
 */
import { LEGAL_TIME_ZONE } from '../../kernel/legal-rules/brussels-time.js';

export const MAIL_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

interface Texts {
  locale: string;
  subject: string;
  body: (link: string, expiry: string) => string;
}

const TEXTS: Record<MailLanguage, Texts> = {
  fr: {
    locale: 'fr-BE',
    subject: 'Votre invitation à Concerto',
    body: (link, expiry) =>
      `Vous avez reçu une invitation à Concerto.\n\nPour activer votre compte, ouvrez ce lien :\n${link}\n\nCe lien expire le ${expiry} (heure de Bruxelles).`,
  },
  nl: {
    locale: 'nl-BE',
    subject: 'Uw uitnodiging voor Concerto',
    body: (link, expiry) =>
      `U hebt een uitnodiging voor Concerto ontvangen.\n\nOpen deze link om uw account te activeren:\n${link}\n\nDeze link vervalt op ${expiry} (Brusselse tijd).`,
  },
  de: {
    locale: 'de-BE',
    subject: 'Ihre Einladung zu Concerto',
    body: (link, expiry) =>
      `Sie haben eine Einladung zu Concerto erhalten.\n\nÖffnen Sie diesen Link, um Ihr Konto zu aktivieren:\n${link}\n\nDieser Link läuft am ${expiry} ab (Brüsseler Zeit).`,
  },
  en: {
    locale: 'en-GB',
    subject: 'Your invitation to Concerto',
    body: (link, expiry) =>
      `You have received an invitation to Concerto.\n\nOpen this link to activate your account:\n${link}\n\nThis link expires on ${expiry} (Brussels time).`,
  },
};

/** The expiry as the invitee reads it: Brussels wall-clock time, in their language. */
export function formatExpiry(language: MailLanguage, expiresAt: Date): string {
  return new Intl.DateTimeFormat(TEXTS[language].locale, {
    timeZone: LEGAL_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(expiresAt);
}

/**
 * The token travels in the fragment: browsers send no fragment to the server or in a Referer,
 * so it stays out of access logs and proxies; the web page posts it to the API.
 */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitation#${token}`;
}

export function invitationMail(
  language: MailLanguage,
  link: string,
  expiresAt: Date,
): { subject: string; text: string } {
  const texts = TEXTS[language];
  return { subject: texts.subject, text: texts.body(link, formatExpiry(language, expiresAt)) };
}
