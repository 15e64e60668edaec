import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** A complete SSO configuration, which each failing case spoils in one variable. */
const OIDC = {
  CONCERTO_PUBLIC_URL: 'https://concerto.example.be',
  CONCERTO_OIDC_ISSUER: 'https://idp.example.be/realms/concerto',
  CONCERTO_OIDC_CLIENT_ID: 'concerto',
  CONCERTO_OIDC_CLIENT_SECRET: 's3cret-value',
};

describe('configuration', () => {
  it('has working defaults: embedded PostgreSQL under ./data, file keys, port 8080', () => {
    const config = loadConfig({}, '/srv/concerto');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/concerto/data');
    expect(config.port).toBe(8080);
    expect(config.keyProvider).toBe('file');
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://host' }, 'DATABASE_URL'],
    [{ DATABASE_ADMIN_URL: 'postgres://h/db' }, 'DATABASE_ADMIN_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CONCERTO_TRUST_PROXY: 'maybe' }, 'CONCERTO_TRUST_PROXY'],
    [{ CONCERTO_KEY_PROVIDER: 'hsm' }, 'CONCERTO_KEY_PROVIDER'],
    [{ CONCERTO_KEY_PROVIDER: 'vault' }, 'VAULT_ADDR'],
    [{ CONCERTO_KEY_PROVIDER: 'vault', VAULT_ADDR: 'http://127.0.0.1:8200' }, 'VAULT_TOKEN'],
    [{ CONCERTO_PUBLIC_URL: 'ftp://x' }, 'CONCERTO_PUBLIC_URL'],
    [{ CONCERTO_AUDIT_ORIGIN: 'https://x/log' }, 'CONCERTO_AUDIT_ORIGIN'],
    [{ SMTP_URL: 'http://mail.example.be' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.be', CONCERTO_PUBLIC_URL: 'https://c.example.be' }, 'CONCERTO_MAIL_FROM'],
    [{ SMTP_URL: 'smtp://mail.example.be', CONCERTO_MAIL_FROM: 'concerto@example.be' }, 'CONCERTO_PUBLIC_URL'],
    [{ CONCERTO_MAIL_FROM: 'Concerto <concerto@example.be>' }, 'CONCERTO_MAIL_FROM'],
    [{ ...OIDC, CONCERTO_OIDC_ISSUER: 'http://idp.example.be' }, 'CONCERTO_OIDC_ISSUER'],
    [{ ...OIDC, CONCERTO_OIDC_ISSUER: 'https://idp.example.be/?tenant=x' }, 'CONCERTO_OIDC_ISSUER'],
    [{ ...OIDC, CONCERTO_OIDC_CLIENT_ID: '' }, 'CONCERTO_OIDC_CLIENT_ID'],
    [{ ...OIDC, CONCERTO_OIDC_CLIENT_SECRET: '' }, 'CONCERTO_OIDC_CLIENT_SECRET'],
    [{ ...OIDC, CONCERTO_OIDC_MATCH_CLAIM: 'e mail' }, 'CONCERTO_OIDC_MATCH_CLAIM'],
    [{ ...OIDC, CONCERTO_OIDC_MFA_ACR: 'urn:a urn:b' }, 'CONCERTO_OIDC_MFA_ACR'],
    [{ ...OIDC, CONCERTO_PUBLIC_URL: '' }, 'CONCERTO_PUBLIC_URL'],
    [{ CONCERTO_OIDC_CLIENT_ID: 'concerto' }, 'CONCERTO_OIDC_CLIENT_ID'],
    [{ CONCERTO_REQUIRE_WEBAUTHN_ROLES: 'operator,judge' }, 'CONCERTO_REQUIRE_WEBAUTHN_ROLES'],
  ])('fails fast on %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it('sends no mail without SMTP_URL, and mails from CONCERTO_MAIL_FROM with it', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeUndefined();
    const config = loadConfig({
      SMTP_URL: 'smtps://concerto:secret@mail.example.be:465',
      CONCERTO_MAIL_FROM: 'concerto@example.be',
      CONCERTO_PUBLIC_URL: 'https://concerto.example.be',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://concerto:secret@mail.example.be:465',
      from: 'concerto@example.be',
    });
  });

  it('never echoes an SMTP_URL, which may hold a password', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://user:s3cret@' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'smtp://user:s3cret@' })).not.toThrow(/s3cret/);
  });

  it('turns SSO on with CONCERTO_OIDC_ISSUER, matching on email by default, redirecting to the public URL', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ ...OIDC, CONCERTO_OIDC_MFA_ACR: 'urn:a, urn:b' }).oidc).toEqual({
      issuer: 'https://idp.example.be/realms/concerto',
      clientId: 'concerto',
      clientSecret: 's3cret-value',
      matchClaim: 'email',
      mfaAcr: ['urn:a', 'urn:b'],
      label: undefined,
      redirectUri: 'https://concerto.example.be/api/auth/oidc/callback',
    });
    // http only for a provider on this machine (development and tests).
    const local = loadConfig({ ...OIDC, CONCERTO_OIDC_ISSUER: 'http://127.0.0.1:8081' });
    expect(local.oidc?.issuer).toBe('http://127.0.0.1:8081');
    expect(() => loadConfig({ ...OIDC, CONCERTO_OIDC_CLIENT_ID: '' })).not.toThrow(/s3cret/);
  });

  it('derives the WebAuthn relying party from CONCERTO_PUBLIC_URL, localhost:8080 by default', () => {
    expect(loadConfig({}).webauthn).toEqual({ rpId: 'localhost', origin: 'http://localhost:8080', requiredRoles: [] });
    const deployed = loadConfig({
      CONCERTO_PUBLIC_URL: 'https://concerto.example.be:8443/app/',
      CONCERTO_REQUIRE_WEBAUTHN_ROLES: ' operator, prosecutor,operator ',
    });
    expect(deployed.webauthn).toEqual({
      rpId: 'concerto.example.be',
      origin: 'https://concerto.example.be:8443',
      requiredRoles: ['operator', 'prosecutor'],
    });
  });

  it('SEC-11 reminds after 6 months and gives the erasure review 30 days by default, each configurable within its bounds', () => {
    expect(loadConfig({}).itemReview).toEqual({ reviewMonths: 6, erasureReviewDays: 30 });
    expect(loadConfig({ CONCERTO_ITEM_REVIEW_MONTHS: '12', CONCERTO_ERASURE_REVIEW_DAYS: '14' }).itemReview).toEqual({
      reviewMonths: 12,
      erasureReviewDays: 14,
    });
    for (const [variable, value] of [
      ['CONCERTO_ITEM_REVIEW_MONTHS', '0'],
      ['CONCERTO_ITEM_REVIEW_MONTHS', '25'],
      ['CONCERTO_ERASURE_REVIEW_DAYS', '0'],
      ['CONCERTO_ERASURE_REVIEW_DAYS', '91'],
      ['CONCERTO_ERASURE_REVIEW_DAYS', 'a month'],
    ] as const) {
      expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(variable));
    }
  });

  it('LST-03 checks the daily jobs every 300 seconds with a 15-minute lease by default; 0 turns the schedule off', () => {
    expect(loadConfig({}).jobs).toEqual({ intervalSeconds: 300, leaseMinutes: 15 });
    expect(
      loadConfig({ CONCERTO_JOBS_INTERVAL_SECONDS: '0', CONCERTO_JOBS_LEASE_MINUTES: '60' }).jobs,
    ).toEqual({ intervalSeconds: 0, leaseMinutes: 60 });
    for (const [variable, value] of [
      ['CONCERTO_JOBS_INTERVAL_SECONDS', '-1'],
      ['CONCERTO_JOBS_INTERVAL_SECONDS', '86401'],
      ['CONCERTO_JOBS_LEASE_MINUTES', '0'],
      ['CONCERTO_JOBS_LEASE_MINUTES', 'a while'],
    ] as const) {
      expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(variable));
    }
  });

  it('uses DATABASE_URL for migrations when no admin URL is given', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db/concerto' });
    expect(config.databaseAdminUrl).toBe('postgres://app@db/concerto');
  });

  it('RGT-REC-06 SCO-07 reads legal-rule overrides from a file, and stops at one that lacks its legal reference', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-legal-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        regimes: { gdpr: { accessAnswer: { duration: { amount: 1, unit: 'months' }, rule: 'GDPR art. 12(3)' } } },
        recipientNoticeDerogations: { law2018_title2: { reference: 'RD of 13 February 2001, art. 1' } },
      }),
    );
    expect(loadConfig({ CONCERTO_LEGAL_RULES_FILE: good }).legalRules.recipientNoticeDerogations).toEqual({
      law2018_title2: { reference: 'RD of 13 February 2001, art. 1' },
    });
    expect(loadConfig({}).legalRules).toEqual({});
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ recipientNoticeDerogations: { gdpr: { reference: '' } } }));
    expect(() => loadConfig({ CONCERTO_LEGAL_RULES_FILE: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ CONCERTO_LEGAL_RULES_FILE: bad })).toThrow(/CONCERTO_LEGAL_RULES_FILE.*reference/);
    expect(() => loadConfig({ CONCERTO_LEGAL_RULES_FILE: path.join(dir, 'missing.json') })).toThrow(/readable JSON/);
  });
});
