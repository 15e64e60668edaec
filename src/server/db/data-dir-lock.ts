/**
 * One Concerto process per data directory. A second process on the same directory stops
 * before it touches anything (issue: "never touches the data"). The lock is a file created
 * with O_EXCL holding the owner's pid; a lock whose owner is dead (kill -9) is stale and
 * is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Another Concerto process (pid ${ownerPid}) is already using the data directory ${dataDir}. ` +
        'Stop it first, or set CONCERTO_DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Pid of a previous owner that died without releasing the lock, if any. */
  readonly staleOwnerPid: number | undefined;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, 'concerto.lock');
  let staleOwnerPid: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        path: lockPath,
        staleOwnerPid,
        release() {
          if (released) return;
          released = true;
          if (readOwner(lockPath) === process.pid) unlinkSync(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      staleOwnerPid = owner;
      try {
        unlinkSync(lockPath);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new Error(`Could not acquire the lock ${lockPath}: it keeps reappearing.`);
}

/** Pid of the live process holding the data directory, if any (for `concerto doctor`). */
export function dataDirOwner(dataDir: string): number | undefined {
  const owner = readOwner(path.join(dataDir, 'concerto.lock'));
  return owner !== undefined && isAlive(owner) ? owner : undefined;
}
