/**
 * `concerto <command>`: the operator's entry point. Every command validates the
 * environment first and exits with a code from exit-codes.ts.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { runInAuditChannel } from '../server/kernel/audit/index.js';
import { packageVersion } from '../server/package-info.js';
import { runAudit } from './commands/audit.js';
import { runBackup, runRestore } from './commands/backup.js';
import { runDemo } from './commands/demo.js';
import { runDoctor } from './commands/doctor.js';
import { runJobs } from './commands/jobs.js';
import { runMigrate } from './commands/migrate.js';
import { runServe } from './commands/serve.js';
import { EXIT } from './exit-codes.js';
import { describeStartupError } from './startup-error.js';

const HELP = `Concerto — shared case file for case consultations (art. 458ter Criminal Code)

Usage: concerto <command> [options]

Commands:
  serve                     Start the server (default). Embedded PostgreSQL unless DATABASE_URL is set.
  migrate                   Apply pending database migrations and exit.
  doctor                    Check engine, versions, migration state, key provider and data-directory lock.
  audit verify              Recompute every audit leaf, check checkpoint signatures and consistency.
  audit proof <position>    Print the inclusion proof of one audit event (JSON) against the latest checkpoint.
  audit checkpoint          Issue a signed checkpoint now (only if the log grew) and print it.
  audit public-key          Print the checkpoint verifier key (C2SP format) for other organisations.
  audit history <record-id> Print every audit event concerning one record (an item, a person, a case…),
                            oldest first, with who, when, what, outcome and channel.
  audit attribution         Report every audit event that names no user and organisation (other than a
                            named system job or a refused anonymous sign-in); exit 1 if there is one.
  demo [--json]             Create demo identities on an empty database, or print those of a demo database.
  jobs run                  Run the due daily jobs once (e.g. from cron) and exit; each runs once a day.
  jobs run --as-of <date>   On a demo database only: run them as of that day (YYYY-MM-DD), to rehearse
                            the end of a retention; refused (5) on any other database.
  backup <file>             Write a consistent copy of the database (not the keys) to a new file.
  restore <file>            Load a backup into an empty database of the same version, and in the same
                            transaction destroy again the cases destroyed since (their keys no longer exist).

Options:
  -h, --help                Show this help.
  -v, --version             Print the version.
      --json                demo: print the logins, passwords, TOTP secrets and recovery codes as JSON.
      --as-of <date>        jobs run: the day the jobs run as of, on a demo database only.

Exit codes: 0 ok · 1 check or daily job failed, or a damaged backup · 2 usage error · 3 invalid configuration · 4 database/keys/port unavailable
            · 5 refused (demo or jobs run --as-of on a database that is not a demo, restore into a database in use or of another version,
              or with a key provider that holds none of its cases' keys, or from a backup older than the rotation allows).
Configuration is read from the environment: see README.md.`;

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (parsed.values.version) {
    console.log(packageVersion());
    return EXIT.ok;
  }
  const [command = 'serve', ...rest] = parsed.positionals;
  const known = ['serve', 'migrate', 'doctor', 'audit', 'demo', 'jobs', 'backup', 'restore'];
  if (!known.includes(command)) {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    return EXIT.usage;
  }
  if (parsed.values.json && command !== 'demo') {
    console.error(`--json is an option of demo only.\n\n${HELP}`);
    return EXIT.usage;
  }
  const asOf = parsed.values['as-of'];
  if (asOf !== undefined && command !== 'jobs') {
    console.error(`--as-of is an option of jobs run only.\n\n${HELP}`);
    return EXIT.usage;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT.config;
    }
    throw error;
  }
  try {
    // SPEC SEC-05: what a command records comes through the command line, named by the command
    // (a daily job it runs, and a request the server it starts receives, enter their own channel).
    return await runInAuditChannel({ type: 'cli', client: command }, () =>
      run(command, rest, config, {
        json: parsed.values.json === true,
        asOf: typeof asOf === 'string' ? asOf : undefined,
      }),
    );
  } catch (error) {
    console.error(describeStartupError(error));
    return EXIT.startup;
  }
}

async function run(
  command: string,
  rest: string[],
  config: ReturnType<typeof loadConfig>,
  options: { json: boolean; asOf: string | undefined },
): Promise<number> {
  switch (command) {
    case 'serve':
      return await runServe(config);
    case 'migrate':
      return await runMigrate(config);
    case 'doctor':
      return await runDoctor(config);
    case 'demo':
      return await runDemo(config, { json: options.json });
    case 'jobs':
      return await runJobs(config, rest, HELP, { asOf: options.asOf });
    case 'backup':
      return await runBackup(config, rest, HELP);
    case 'restore':
      return await runRestore(config, rest, HELP);
    default:
      return await runAudit(config, rest, HELP);
  }
}
