import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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

  it('uses DATABASE_URL for migrations when no admin URL is given', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db/concerto' });
    expect(config.databaseAdminUrl).toBe('postgres://app@db/concerto');
  });
});
