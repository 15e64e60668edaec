import { DataDirLockedError } from '../server/db/data-dir-lock.js';
import { EmbeddedPostgresError } from '../server/db/embedded-postgres.js';
import { DatabaseUnavailableError } from '../server/db/engine.js';
import { MigrationError } from '../server/db/migrate.js';

/** One clear line for the errors an operator can act on; the class name otherwise. */
export function describeStartupError(error: unknown): string {
  if (
    error instanceof DataDirLockedError ||
    error instanceof EmbeddedPostgresError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError
  ) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `The HTTP port is already in use: ${(error as Error).message}. Set PORT to a free port.`;
  if (code === 'EACCES') return `Permission denied: ${(error as Error).message}`;
  return `Concerto could not start: ${(error as Error).message ?? String(error)}`;
}
