import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiTestApp, createApiTestApp, type Session } from '../../../../test/support/api-test-app.js';
import { openForFederalUse } from '../../../../test/support/compliance-steps.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp-sink.js';
import type { DB } from '../../db/schema.js';
import { verifyPassword } from '../auth/credentials/password-hash.js';

const PUBLIC_URL = 'https://concerto.example.be';
const PASSWORD = 'Violet-Harbour-Lantern-93';
const TABLES: (keyof DB)[] = ['users', 'user_credentials', 'invitations'];

/** Without SMTP_URL: the operator receives the link. */
let t: ApiTestApp;
let operator: Session;
/** With a real SMTP server: the link leaves by mail. */
let mailing: ApiTestApp;
let mailingOperator: Session;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createApiTestApp();
  operator = await t.signedIn(t.hostId, ['operator']);
  mailing = await createApiTestApp({
    SMTP_URL: sink.url,
    CONCERTO_MAIL_FROM: 'concerto@example.be',
    CONCERTO_PUBLIC_URL: PUBLIC_URL,
  });
  mailingOperator = await mailing.signedIn(mailing.hostId, ['operator']);
  // SPEC SCO-08: the police's members are onboarded on instances whose federal-use gate is green.
  await openForFederalUse(t);
  await openForFederalUse(mailing);
});
afterAll(async () => {
  await t.close();
  await mailing.close();
  await sink.close();
});

const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

async function newUser(app: ApiTestApp, by: Session): Promise<{ id: string; email: string }> {
  const res = await app.call(by, 'POST', '/api/admin/users', {
    organisationId: app.policeId,
    email: `${randomUUID().slice(0, 8)}@politiezone.example`,
    displayName: 'Karel Wouters',
    roles: ['participant'],
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function credentialsOf(app: ApiTestApp, userId: string) {
  return app.db.adminDb
    .selectFrom('user_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The token of the link the operator was handed: `/invitation#<token>`. */
function tokenOf(link: string): string {
  const match = /^\/invitation#([A-Za-z0-9_-]{43})$/.exec(link);
  expect(match, link).not.toBeNull();
  return match![1]!;
}

describe('inviting over HTTP', () => {
  it('SEC-01 mails the invitee a link to /invitation#<token>; the invitee sets the password once with it', async () => {
    const invitee = await newUser(mailing, mailingOperator);
    const issued = await mailing.call(mailingOperator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'nl',
    });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toEqual({
      invitationId: expect.any(String),
      delivery: 'mail',
      // 72 hours after the clock of the test app.
      expiresAt: new Date(mailing.clock.now().getTime() + 72 * 3600_000).toISOString(),
    });
    const mail = sink.messages.findLast((m) => m.envelopeTo.includes(invitee.email))!;
    expect(mail.headers.get('subject')).toBe('Uw uitnodiging voor Concerto');
    const token = /^https:\/\/concerto\.example\.be\/invitation#([A-Za-z0-9_-]{43})$/m.exec(mail.text)?.[1];
    expect(token, mail.text).toBeDefined();

    // No session is needed, nor a CSRF token: the link is the proof.
    const redeemed = await mailing.call(undefined, 'POST', '/api/invitations/redeem', {
      token,
      password: PASSWORD,
    });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.json()).toEqual({ userId: invitee.id });
    const stored = await credentialsOf(mailing, invitee.id);
    expect(await verifyPassword(stored!.password_hash, PASSWORD)).toBe(true);

    const again = await mailing.call(undefined, 'POST', '/api/invitations/redeem', {
      token,
      password: 'Another-Harbour-Lantern-94',
    });
    expect(again.statusCode).toBe(404);
    expect(await verifyPassword((await credentialsOf(mailing, invitee.id))!.password_hash, PASSWORD)).toBe(
      true,
    );
  });

  it('without a mail server, hands the operator a relative /invitation#<token> link that works once', async () => {
    const invitee = await newUser(t, operator);
    const res = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'fr',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ delivery: 'operator', link: expect.stringMatching(/^\/invitation#/) });
    const token = tokenOf(res.json().link);
    const redeemed = await t.call(undefined, 'POST', '/api/invitations/redeem', {
      token,
      password: PASSWORD,
    });
    expect(redeemed.json()).toEqual({ userId: invitee.id });
  });

  it('SEC-01 re-inviting a user ends their sessions once the new password is set', async () => {
    const member = await t.account(t.policeId, ['participant']);
    const session = await t.signIn(member);
    const res = await t.call(operator, 'POST', `/api/admin/users/${member.userId}/invitation`, {
      language: 'de',
    });
    // Issuing the link changes nothing yet: the user may still be the one who asked for it.
    expect((await t.call(session, 'GET', '/api/session')).statusCode).toBe(200);
    const epoch = async () =>
      (
        await t.db.adminDb
          .selectFrom('users')
          .select('session_epoch')
          .where('id', '=', member.userId)
          .executeTakeFirstOrThrow()
      ).session_epoch;
    const before = await epoch();

    const redeemed = await t.call(undefined, 'POST', '/api/invitations/redeem', {
      token: tokenOf(res.json().link),
      password: PASSWORD,
    });
    expect(redeemed.statusCode).toBe(200);
    expect(await epoch()).toBe(before + 1);
    const ended = await t.call(session, 'GET', '/api/session');
    expect(ended.statusCode).toBe(401);
    // The old password no longer opens a session.
    expect(
      (
        await t.call(undefined, 'POST', '/api/auth/login', {
          email: member.email,
          password: member.password,
          totp: '000000',
        })
      ).statusCode,
    ).toBe(401);
  });

  it('re-issuing revokes the earlier link', async () => {
    const invitee = await newUser(t, operator);
    const first = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'en',
    });
    const second = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'en',
    });
    const old = await t.call(undefined, 'POST', '/api/invitations/redeem', {
      token: tokenOf(first.json().link),
      password: PASSWORD,
    });
    expect(old.statusCode).toBe(404);
    const current = await t.call(undefined, 'POST', '/api/invitations/redeem', {
      token: tokenOf(second.json().link),
      password: PASSWORD,
    });
    expect(current.statusCode).toBe(200);
  });

  it('refuses inviting to anyone but the operator with 403, audited, and issues or mails nothing', async () => {
    const invitee = await newUser(mailing, mailingOperator);
    const mailed = sink.messages.length;
    for (const role of ['organiser', 'participant', 'prosecutor', 'dpo', 'representative'] as const) {
      const caller = await mailing.signedIn(mailing.policeId, [role]);
      const before = await mailing.snapshot(TABLES);
      const from = await mailing.auditCount();
      const res = await mailing.call(caller, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
        language: 'nl',
      });
      expect(res.statusCode, role).toBe(403);
      expect(await mailing.snapshot(TABLES)).toBe(before);
      expect(await mailing.eventsSince(from)).toMatchObject([
        { action: 'admin.user_invited', outcome: 'denied', reason: 'not_platform_operator' },
      ]);
    }
    expect(sink.messages).toHaveLength(mailed);
  });

  it('refuses a bad invitation request whole, naming the fields, and answers 404 for an unknown user', async () => {
    const invitee = await newUser(t, operator);
    const before = await t.snapshot(TABLES);
    const bad = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'es',
      cc: 'x@example.be',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json()).sort()).toEqual(['/body/cc', '/body/language']);
    const missing = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {});
    expect(fields(missing.json())).toEqual(['/body/language']);
    const unknown = await t.call(operator, 'POST', `/api/admin/users/${randomUUID()}/invitation`, {
      language: 'nl',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await t.snapshot(TABLES)).toBe(before);
  });

  it('answers 401 without a session, and 403 without the CSRF token', async () => {
    const invitee = await newUser(t, operator);
    const before = await t.snapshot(TABLES);
    const url = `/api/admin/users/${invitee.id}/invitation`;
    expect((await t.call(undefined, 'POST', url, { language: 'nl' })).statusCode).toBe(401);
    expect((await t.call(operator, 'POST', url, { language: 'nl' }, { csrf: false })).statusCode).toBe(403);
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});

describe('redeeming over HTTP', () => {
  it('refuses a bad body whole, naming the fields, and leaves the invitation open', async () => {
    const invitee = await newUser(t, operator);
    const res = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'en',
    });
    const token = tokenOf(res.json().link);
    const before = await t.snapshot(TABLES);
    for (const [body, expected] of [
      [{ token }, ['/body/password']],
      [{ token, password: PASSWORD, userId: invitee.id }, ['/body/userId']],
      [{ token: 'x'.repeat(129), password: PASSWORD }, ['/body/token']],
      // The password policy, after the token was found: too short and on the breached list.
      [{ token, password: 'password' }, ['/body/password']],
    ] as const) {
      const bad = await t.call(undefined, 'POST', '/api/invitations/redeem', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(bad.json())).toEqual(expected);
    }
    expect(await t.snapshot(TABLES)).toBe(before);
    const redeemed = await t.call(undefined, 'POST', '/api/invitations/redeem', {
      token,
      password: PASSWORD,
    });
    expect(redeemed.statusCode).toBe(200);
  });

  it('gives a forged, a used and an expired token the same 404, and records each refusal', async () => {
    const invitee = await newUser(t, operator);
    const issued = await t.call(operator, 'POST', `/api/admin/users/${invitee.id}/invitation`, {
      language: 'en',
    });
    const expiring = await newUser(t, operator);
    const late = await t.call(operator, 'POST', `/api/admin/users/${expiring.id}/invitation`, {
      language: 'en',
    });
    const token = tokenOf(issued.json().link);
    await t.call(undefined, 'POST', '/api/invitations/redeem', { token, password: PASSWORD });
    t.clock.advanceMs(72 * 3600_000);
    const from = await t.auditCount();
    const bodies = [];
    for (const attempt of ['A'.repeat(43), token, tokenOf(late.json().link)]) {
      const res = await t.call(undefined, 'POST', '/api/invitations/redeem', {
        token: attempt,
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(404);
      const { instance: _, ...rest } = res.json();
      bodies.push(rest);
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect((await t.eventsSince(from)).map((e) => e.reason)).toEqual([
      'unknown_token',
      'redeemed',
      'expired',
    ]);
    // The operator's session did not outlive the jump of the clock; later tests sign in again.
    operator = await t.signedIn(t.hostId, ['operator']);
  });
});
