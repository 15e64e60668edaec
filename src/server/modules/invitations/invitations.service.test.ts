import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { createAuditLog } from '../../kernel/audit/index.js';
import { ManualClock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { createSmtpMailer, type Mailer } from '../../kernel/mail/mailer.js';
import { verifyPassword } from '../auth/credentials/password-hash.js';
import { PLATFORM_HOST, POLICE_ZONE } from '../identity/identity-fixtures.js';
import { createIdentityRepository } from '../identity/identity.repository.js';
import { createIdentityService, type IdentityService } from '../identity/identity.service.js';
import type { Actor } from '../identity/platform-access.js';
import type { MailLanguage } from './invitation-mail.js';
import { createInvitationRepository } from './invitations.repository.js';
import {
  createInvitationService,
  INVITATION_LIFETIME_MS,
  type InvitationService,
} from './invitations.service.js';

const START = '2025-03-01T10:00:00Z';
const PUBLIC_URL = 'https://concerto.example.be';
const PASSWORD = 'Violet-Harbour-Lantern-93';
const clock = new ManualClock(START);

let db: TestDatabase;
let sink: SmtpSink;
let identity: IdentityService;
let operator: Actor;
let policeId: string;

function invitationService(mailer: Mailer | undefined): InvitationService {
  return createInvitationService({
    db: db.appDb,
    invitations: createInvitationRepository(),
    audit: createAuditLog({ clock }),
    clock,
    mailer,
    publicUrl: PUBLIC_URL,
  });
}

/** A new participant of the police zone, with a name the mail must not show. */
async function newUser(): Promise<{ id: string; email: string }> {
  const user = await identity.createUser(operator, {
    organisationId: policeId,
    email: `${randomUUID().slice(0, 8)}@politiezone.example`,
    displayName: 'Karel Wouters',
    roles: ['participant'],
  });
  return { id: user.id, email: user.email };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** The token of the last mail sent to `email`. */
function mailedToken(email: string): string {
  const mail = sink.messages.findLast((message) => message.envelopeTo.includes(email));
  const match = /\/invitation#([A-Za-z0-9_-]{43})$/m.exec(mail?.text ?? '');
  expect(match, 'an invitation link in the mail').not.toBeNull();
  return match![1]!;
}

async function lastEvent(): Promise<{ action: string; outcome: string; reason?: string }> {
  const row = await db.adminDb
    .selectFrom('audit_events')
    .select('payload')
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.payload);
}

async function invitationsOf(userId: string) {
  return db.adminDb
    .selectFrom('invitations')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

async function credentialsOf(userId: string) {
  return db.adminDb
    .selectFrom('user_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

beforeAll(async () => {
  db = await createTestDatabase();
  sink = await startSmtpSink();
  identity = createIdentityService({
    db: db.appDb,
    identity: createIdentityRepository(),
    audit: createAuditLog({ clock }),
    clock,
  });
  const bootstrap: Actor = { userId: randomUUID(), organisationId: randomUUID(), roles: ['operator'] };
  const host = await identity.createOrganisation(bootstrap, PLATFORM_HOST);
  policeId = (await identity.createOrganisation(bootstrap, POLICE_ZONE)).id;
  const operatorUser = await identity.createUser(bootstrap, {
    organisationId: host.id,
    email: 'jan.claes@host.example',
    displayName: 'Jan Claes',
    roles: ['operator'],
  });
  operator = { userId: operatorUser.id, organisationId: host.id, roles: ['operator'] };
});
afterAll(async () => {
  await sink.close();
  await db.drop();
});
beforeEach(() => {
  clock.set(START);
  sink.refusing = false;
});

const EXPECTED: Record<MailLanguage, { subject: string; text: (link: string) => string }> = {
  fr: {
    subject: 'Votre invitation à Concerto',
    text: (link) =>
      `Vous avez reçu une invitation à Concerto.\n\nPour activer votre compte, ouvrez ce lien :\n${link}\n\nCe lien expire le 4 mars 2025 à 11:00 (heure de Bruxelles).`,
  },
  nl: {
    subject: 'Uw uitnodiging voor Concerto',
    text: (link) =>
      `U hebt een uitnodiging voor Concerto ontvangen.\n\nOpen deze link om uw account te activeren:\n${link}\n\nDeze link vervalt op 4 maart 2025 om 11:00 (Brusselse tijd).`,
  },
  de: {
    subject: 'Ihre Einladung zu Concerto',
    text: (link) =>
      `Sie haben eine Einladung zu Concerto erhalten.\n\nÖffnen Sie diesen Link, um Ihr Konto zu aktivieren:\n${link}\n\nDieser Link läuft am 4. März 2025 um 11:00 ab (Brüsseler Zeit).`,
  },
  en: {
    subject: 'Your invitation to Concerto',
    text: (link) =>
      `You have received an invitation to Concerto.\n\nOpen this link to activate your account:\n${link}\n\nThis link expires on 4 March 2025 at 11:00 (Brussels time).`,
  },
};

describe('the invitation mail', () => {
  it.each(['fr', 'nl', 'de', 'en'] as const)(
    'in %s holds only the invitation, the link and the expiry (no inviter, organisation or role)',
    async (language) => {
      const invitee = await newUser();
      const issued = await invitationService(
        createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }),
      ).inviteUser(operator, { userId: invitee.id, language });
      expect(issued).toMatchObject({ delivery: 'mail', expiresAt: new Date('2025-03-04T10:00:00Z') });
      expect(issued).not.toHaveProperty('link');
      const mail = sink.messages.at(-1)!;
      expect(mail.envelopeTo).toEqual([invitee.email]);
      expect(mail.headers.get('to')).toBe(invitee.email);
      expect(mail.headers.get('from')).toBe('concerto@example.be');
      expect(mail.headers.get('subject')).toBe(EXPECTED[language].subject);
      const link = `${PUBLIC_URL}/invitation#${mailedToken(invitee.email)}`;
      expect(mail.text).toBe(EXPECTED[language].text(link));
      expect([...mail.headers.keys()].sort()).toEqual([
        'content-transfer-encoding',
        'content-type',
        'date',
        'from',
        'message-id',
        'mime-version',
        'subject',
        'to',
      ]);
      for (const secret of [
        'Karel',
        'Wouters',
        'Jan Claes',
        'jan.claes',
        'Politiezone',
        'Hosting',
        'participant',
        'operator',
      ]) {
        expect(mail.raw).not.toContain(secret);
      }
    },
  );
});

describe('redeeming an invitation', () => {
  it('SEC-01 a joiner sets the password once through the invitation link; the same link is then refused', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    await invitations.inviteUser(operator, { userId: invitee.id, language: 'nl' });
    const token = mailedToken(invitee.email);
    clock.advanceMs(INVITATION_LIFETIME_MS - 60_000);
    expect(await invitations.redeemInvitation({ token, password: PASSWORD })).toEqual({ userId: invitee.id });
    const credentials = await credentialsOf(invitee.id);
    expect(await verifyPassword(credentials!.password_hash, PASSWORD)).toBe(true);
    expect((await invitationsOf(invitee.id))[0]!.redeemed_at).toEqual(clock.now());
    expect(await lastEvent()).toMatchObject({ action: 'auth.invitation_redeemed', outcome: 'success' });

    const again = await refusal(
      invitations.redeemInvitation({ token, password: 'Another-Long-Passphrase-7' }),
    );
    expect(again.code).toBe('not_found');
    expect(await lastEvent()).toMatchObject({ action: 'auth.invitation_refused', reason: 'redeemed' });
    expect(await credentialsOf(invitee.id)).toEqual(credentials);
  });

  it('refuses an expired, a forged and an oversized token with the same problem, and keeps the reason in the log', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    await invitations.inviteUser(operator, { userId: invitee.id, language: 'fr' });
    const token = mailedToken(invitee.email);
    clock.advanceMs(INVITATION_LIFETIME_MS);
    const expired = await refusal(invitations.redeemInvitation({ token, password: PASSWORD }));
    expect(await lastEvent()).toMatchObject({
      action: 'auth.invitation_refused',
      outcome: 'denied',
      reason: 'expired',
    });
    const forged = await refusal(
      // One character changed: a token that already ends in A would otherwise stay the real one.
      invitations.redeemInvitation({ token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, password: PASSWORD }),
    );
    expect(await lastEvent()).toMatchObject({ action: 'auth.invitation_refused', reason: 'unknown_token' });
    const oversized = await refusal(
      invitations.redeemInvitation({ token: 'x'.repeat(10_000), password: PASSWORD }),
    );

    for (const error of [forged, oversized]) {
      expect({ code: error.code, details: error.details }).toEqual({
        code: expired.code,
        details: expired.details,
      });
    }
    expect(expired.code).toBe('not_found');
    expect(await credentialsOf(invitee.id)).toBeUndefined();
    expect((await invitationsOf(invitee.id))[0]!.redeemed_at).toBeNull();
  });

  it('refuses a weak password whole and leaves the invitation open', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    await invitations.inviteUser(operator, { userId: invitee.id, language: 'en' });
    const token = mailedToken(invitee.email);
    const weak = await refusal(invitations.redeemInvitation({ token, password: 'Karel Wouters 1990' }));
    expect(weak.code).toBe('validation_failed');
    expect(weak.details.fields?.map((issue) => issue.field)).toEqual(['/body/password']);
    expect(await credentialsOf(invitee.id)).toBeUndefined();
    expect(await invitations.redeemInvitation({ token, password: PASSWORD })).toEqual({ userId: invitee.id });
  });
});

describe('inviting', () => {
  it('is for the operator only: anyone else is refused, audited, and nothing is issued or mailed', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    const coordinator: Actor = { userId: randomUUID(), organisationId: policeId, roles: ['organiser'] };
    const mailed = sink.messages.length;
    const error = await refusal(invitations.inviteUser(coordinator, { userId: invitee.id, language: 'nl' }));
    expect(error.code).toBe('forbidden');
    expect(await invitationsOf(invitee.id)).toHaveLength(0);
    expect(sink.messages).toHaveLength(mailed);
    expect(await lastEvent()).toMatchObject({
      action: 'admin.user_invited',
      outcome: 'denied',
      reason: 'not_platform_operator',
    });
  });

  it('refuses bad input whole and changes nothing', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    const input = { userId: invitee.id, language: 'es', cc: 'x@example.be' } as never;
    const error = await refusal(invitations.inviteUser(operator, input));
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields?.map((issue) => issue.field).sort()).toEqual(['/body/cc', '/body/language']);
    expect(await invitationsOf(invitee.id)).toHaveLength(0);
  });

  it('revokes the earlier open invitation of the same user', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    await invitations.inviteUser(operator, { userId: invitee.id, language: 'de' });
    const first = mailedToken(invitee.email);
    clock.advanceMs(60_000);
    await invitations.inviteUser(operator, { userId: invitee.id, language: 'de' });
    const second = mailedToken(invitee.email);
    expect(second).not.toBe(first);
    const [old, current] = await invitationsOf(invitee.id);
    expect(old!.revoked_at).toEqual(clock.now());
    expect(current!.revoked_at).toBeNull();
    expect((await refusal(invitations.redeemInvitation({ token: first, password: PASSWORD }))).code).toBe(
      'not_found',
    );
    expect(await lastEvent()).toMatchObject({ reason: 'revoked' });
    expect(await invitations.redeemInvitation({ token: second, password: PASSWORD })).toEqual({
      userId: invitee.id,
    });
  });

  it('withdraws the invitation when the mail server refuses it, and says so', async () => {
    const invitations = invitationService(createSmtpMailer({ url: sink.url, from: 'concerto@example.be' }));
    const invitee = await newUser();
    sink.refusing = true;
    const mailed = sink.messages.length;
    const error = await refusal(invitations.inviteUser(operator, { userId: invitee.id, language: 'fr' }));
    expect(error.code).toBe('not_ready');
    expect(error.message).toMatch(/could not be sent.*withdrawn/);
    expect(sink.messages).toHaveLength(mailed);
    const rows = await invitationsOf(invitee.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revoked_at).not.toBeNull();
    expect(await credentialsOf(invitee.id)).toBeUndefined();
    expect(await lastEvent()).toMatchObject({
      action: 'admin.user_invited',
      outcome: 'failure',
      reason: 'mail_not_sent',
    });
  });

  it('without a mail server, hands the link to the operator instead', async () => {
    const invitations = invitationService(undefined);
    const invitee = await newUser();
    const mailed = sink.messages.length;
    const issued = await invitations.inviteUser(operator, { userId: invitee.id, language: 'en' });
    expect(sink.messages).toHaveLength(mailed);
    if (issued.delivery !== 'operator') throw new Error('expected the link to come back');
    const token = issued.link.slice(`${PUBLIC_URL}/invitation#`.length);
    expect(issued.link).toBe(`${PUBLIC_URL}/invitation#${token}`);
    expect(await invitations.redeemInvitation({ token, password: PASSWORD })).toEqual({ userId: invitee.id });
  });

  it('stores only the hash of the token', async () => {
    const invitations = invitationService(undefined);
    const invitee = await newUser();
    const issued = await invitations.inviteUser(operator, { userId: invitee.id, language: 'nl' });
    if (issued.delivery !== 'operator') throw new Error('expected the link to come back');
    const token = issued.link.split('#')[1]!;
    const [row] = await invitationsOf(invitee.id);
    expect(row!.token_hash).toHaveLength(32);
    expect(row!.token_hash.toString('base64url')).not.toBe(token);
    expect(
      JSON.stringify(await db.adminDb.selectFrom('audit_events').select('payload').execute()),
    ).not.toContain(token);
  });
});
