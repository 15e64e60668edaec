/**
 * Liveness, readiness and version: the only endpoints that answer without a session.
 * They reveal no personal data and no configuration beyond versions.
 */
import type { Readiness, Version } from '../../../contracts/system.js';
import { migrationStatus } from '../../db/migrate.js';
import { DomainError } from '../../kernel/errors.js';
import type { KeyProvider } from '../../kernel/crypto/key-provider.js';
import type { SystemRepository } from './system.repository.js';

export interface SystemServiceDeps {
  system: SystemRepository;
  keys: Pick<KeyProvider, 'check'>;
  engine: 'embedded' | 'server';
  appVersion: string;
}

export function createSystemService({ system, keys, engine, appVersion }: SystemServiceDeps) {
  return {
    async readiness(): Promise<Readiness> {
      let applied: Awaited<ReturnType<SystemRepository['appliedMigrations']>>;
      try {
        applied = await system.appliedMigrations();
      } catch {
        throw new DomainError('not_ready', { detail: 'The database is not reachable.' });
      }
      let pending: string[];
      try {
        pending = migrationStatus(applied).pending;
      } catch (error) {
        throw new DomainError('not_ready', { detail: (error as Error).message });
      }
      if (pending.length > 0) {
        throw new DomainError('not_ready', { detail: `${pending.length} migration(s) not applied.` });
      }
      try {
        await keys.check();
      } catch {
        throw new DomainError('not_ready', { detail: 'The key provider is not reachable.' });
      }
      return { status: 'ready', checks: { database: 'ok', migrations: 'current', keys: 'ok' } };
    },

    async version(): Promise<Version> {
      const [serverVersion, applied] = await Promise.all([system.serverVersion(), system.appliedMigrations()]);
      const status = migrationStatus(applied);
      return {
        name: 'concerto',
        version: appVersion,
        node: process.version,
        database: { engine, version: serverVersion },
        migrations: { applied: status.applied, latest: status.latest },
      };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
