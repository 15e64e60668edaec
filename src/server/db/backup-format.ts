/**
 * The file format of `concerto backup` (RET-07, issue 6 scope 2): gzip'd JSON lines, written
 * and read by `backup.ts` and `restore.ts`.
 *
 *   line 1     the header: format, Concerto version, the applied migrations
 *   per table  `{"table": name, "rows": n}` then n lines, each one row as PostgreSQL's row_to_json
 *   last line  the trailer: `{"end": true, "tables": t, "rows": r, "sequences": {...}}`
 *
 * Tables come parents first (foreign keys), so a restore loads them in file order. Case content
 * is in the rows only as ciphertext under the case keys, and the keys are not in the backup
 * (ADR 0006): a case destroyed after the backup stays unreadable when the backup comes back.
 */
export const BACKUP_FORMAT = 'concerto-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupMigration {
  version: number;
  name: string;
  checksum: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  concertoVersion: string;
  createdAt: string;
  migrations: BackupMigration[];
}

export interface TableHeader {
  table: string;
  rows: number;
}

export interface BackupTrailer {
  end: true;
  tables: number;
  rows: number;
  /** Last value of each sequence (`schema.name`), so ids continue after a restore. */
  sequences: Record<string, number>;
}

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

export function parseHeader(line: string | undefined): BackupHeader {
  const header = parseLine(line, 'header') as Partial<BackupHeader>;
  if (header.format !== BACKUP_FORMAT) throw new BackupFileError('This file is not a Concerto backup.');
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      `Backup format ${header.formatVersion} is not supported (expected ${BACKUP_FORMAT_VERSION}).`,
    );
  }
  if (!Array.isArray(header.migrations)) throw new BackupFileError('The backup header lists no migrations.');
  return header as BackupHeader;
}

export function parseLine(line: string | undefined, what: string): Record<string, unknown> {
  if (line === undefined)
    throw new BackupFileError(`The backup ends before its ${what}: the file is incomplete.`);
  try {
    const value = JSON.parse(line) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new BackupFileError(`The backup's ${what} is not a JSON object: the file is damaged.`);
}
