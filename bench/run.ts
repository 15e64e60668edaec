/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line),
 * each against a raw baseline measured in the same run, prints a table and saves JSON
 * with the machine's description under bench/results/. Figures are ratios, never
 * timed assertions.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { cloneDatabase, startTestCluster, type TestDatabase } from '../test/support/postgres-cluster.js';
import type { BenchRow, BenchScenario } from './types.js';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();

const cluster = await startTestCluster();
const databases: TestDatabase[] = [];
const rows: BenchRow[] = [];
let serverVersion = 'unknown';
try {
  const client = new pg.Client({ connectionString: cluster.serverUrl });
  await client.connect();
  serverVersion = (await client.query('SHOW server_version')).rows[0].server_version;
  await client.end();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(here, file)).href)) as { run: BenchScenario };
    console.log(`running ${file}…`);
    const result = await module.run({
      createDatabase: async () => {
        const db = await cloneDatabase(cluster);
        databases.push(db);
        return db;
      },
    });
    rows.push(...result);
  }
} finally {
  for (const db of databases) await db.drop().catch(() => undefined);
  await cluster.stop();
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2));
console.log('');
console.log(['scenario', 'unit', 'value', 'baseline', 'ratio'].join(' | '));
for (const r of rows) console.log([r.scenario, r.unit, fmt(r.value), fmt(r.baseline), r.ratio.toFixed(2)].join(' | '));

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  postgres: serverVersion,
  database: process.env.DATABASE_URL ? 'server' : 'embedded',
};
mkdirSync(path.join(here, 'results'), { recursive: true });
const file = path.join(here, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.log(`\nsaved ${path.relative(process.cwd(), file)}`);
