/**
 * Runs Concerto: opens the database (embedded or server), migrates, builds the app and
 * listens. On SIGTERM/SIGINT it stops accepting connections, lets in-flight requests
 * finish, closes the pool and stops the embedded PostgreSQL, within the shutdown timeout.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type DatabaseRuntime, openDatabase } from './db/engine.js';
import { closeGracefully } from './http/graceful-close.js';
import { startCheckpointSchedule } from './kernel/audit/index.js';
import { systemClock } from './kernel/clock.js';
import { createKeyProvider } from './kernel/crypto/create-key-provider.js';
import type { KeyProvider } from './kernel/crypto/key-provider.js';
import { instanceIdOf, startJobSchedule } from './kernel/jobs/index.js';
import { createDailyJobRunner } from './modules/jobs/daily-jobs.js';

export interface RunningConcerto {
  url: string;
  app: FastifyInstance;
  database: DatabaseRuntime;
  close(): Promise<void>;
}

export async function startConcerto(config: Config): Promise<RunningConcerto> {
  const database = await openDatabase(config, { migrate: true });
  let app: FastifyInstance | undefined;
  let keys: KeyProvider;
  try {
    keys = await createKeyProvider(config);
    app = await buildApp({ config, db: database.appDb, keys, engine: database.engine });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const running = app;
  // Signed checkpoints on a schedule (issued only when the log grew), so that a rewrite of
  // history is caught against a note other organisations may already hold.
  const stopCheckpoints = startCheckpointSchedule({
    db: database.appDb,
    signer: keys,
    origin: config.audit.origin,
    intervalSeconds: config.audit.checkpointIntervalSeconds,
    onError: (error) => running.log.error({ err: { type: (error as Error).name } }, 'audit checkpoint failed'),
  });
  // Daily jobs (ADR 0015), e.g. the prosecutor's-list erasure of bill art. 8 al. 2: checked now and
  // on every tick, leased in the database so that one instance runs each job once a day.
  const stopJobs = startJobSchedule({
    intervalSeconds: config.jobs.intervalSeconds,
    tick: createDailyJobRunner({
      db: database.appDb,
      keys,
      clock: systemClock,
      legalRules: config.legalRules,
      auditOrigin: config.audit.origin,
      instanceId: instanceIdOf('serve'),
      leaseMinutes: config.jobs.leaseMinutes,
    }),
    onOutcomes: (outcomes) => {
      for (const { name, outcome } of outcomes) {
        if (outcome === 'failed')
          running.log.error({ job: name }, 'daily job failed: retried at the next tick');
        else if (outcome === 'completed') running.log.info({ job: name }, 'daily job completed');
      }
    },
    onError: (error) =>
      running.log.error({ err: { type: (error as Error).name } }, 'daily jobs check failed'),
  });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/`,
    app: running,
    database,
    close() {
      closing ??= (async () => {
        await closeGracefully(running);
        // A job in flight finishes (it is one transaction) before the pool closes.
        await stopJobs();
        await stopCheckpoints();
        await database.close();
      })();
      return closing;
    },
  };
}

/** Installs SIGTERM/SIGINT handlers that close Concerto, forcing exit after the timeout. */
export function closeOnSignals(concerto: RunningConcerto, timeoutMs: number, log: (line: string) => void): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log(`Received ${signal}: stopping Concerto…`);
    const timer = setTimeout(() => {
      log(`Shutdown took longer than ${timeoutMs} ms: exiting anyway.`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    concerto.close().then(
      () => {
        log('Concerto stopped.');
        process.exit(0);
      },
      (error: Error) => {
        log(`Error while stopping: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
