/**
 * Files that hold key material (file key provider). They must be private to the account
 * running Concerto: a key file readable by another local account would let that account
 * decrypt every case (SPEC SEC-03, protection against unauthorised access), so a mode wider
 * than 0600 (0700 for directories) is refused rather than silently repaired.
 *
 * Writes are atomic (temporary file, fsync, rename or link, fsync of the directory) so that a
 * crash never leaves a half-written key, which would make every case under it unreadable.
 */

import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { link, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export const FILE_MODE = 0o600;
export const DIRECTORY_MODE = 0o700;

export class KeyFilePermissionError extends Error {
  constructor(file: string, reason: string) {
    super(`Refusing to use key storage: ${file} ${reason}`);
    this.name = 'KeyFilePermissionError';
  }
}

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

export function assertPrivate(file: string, stats: Stats, kind: 'file' | 'directory'): void {
  const isKind = kind === 'file' ? stats.isFile() : stats.isDirectory();
  if (!isKind) throw new KeyFilePermissionError(file, `is not a plain ${kind} (symbolic links are refused)`);
  if ((stats.mode & 0o077) !== 0) {
    const wanted = kind === 'file' ? FILE_MODE : DIRECTORY_MODE;
    throw new KeyFilePermissionError(
      file,
      `has mode ${octal(stats.mode)}, wider than ${octal(wanted)}; group and others must have no access (chmod ${octal(wanted).slice(1)} ${file})`,
    );
  }
}

/** Checks a key directory and everything below it. */
export async function assertPrivateTree(directory: string): Promise<void> {
  assertPrivate(directory, await lstat(directory), 'directory');
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) await assertPrivateTree(entryPath);
    else assertPrivate(entryPath, await lstat(entryPath), 'file');
  }
}

/** Reads a key file after checking, on the open descriptor, that it is still private. */
export async function readPrivateFile(file: string): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    assertPrivate(file, await handle.stat(), 'file');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function fsyncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Name of a temporary sibling; `shredFile` callers find leftovers by the `<name>.` prefix. */
export function temporarySibling(file: string, suffix: string): string {
  return `${file}.${randomBytes(8).toString('hex')}.${suffix}`;
}

async function writeTemporary(file: string, data: Buffer | string): Promise<string> {
  const temporary = temporarySibling(file, 'tmp');
  const handle = await open(temporary, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/** Replaces (or creates) a key file atomically. */
export async function replacePrivateFile(file: string, data: Buffer | string): Promise<void> {
  const temporary = await writeTemporary(file, data);
  await rename(temporary, file);
  await fsyncDirectory(path.dirname(file));
}

/**
 * Creates a key file only if it does not exist yet, atomically and complete: link(2) fails
 * with EEXIST when another instance won the race, and never exposes a half-written file.
 * Returns false when the file already existed.
 */
export async function createPrivateFile(file: string, data: Buffer | string): Promise<boolean> {
  const temporary = await writeTemporary(file, data);
  try {
    await link(temporary, file);
  } catch (error) {
    // The temporary file is its own inode here: wipe it, it may hold key material.
    await shredFile(temporary);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  // Both names now point at the same inode: only the temporary name goes, never overwrite.
  await unlink(temporary);
  await fsyncDirectory(path.dirname(file));
  return true;
}

/**
 * Overwrites a file with random bytes, then unlinks it. On journalling, copy-on-write or
 * flash storage the old blocks may survive the overwrite; the overwrite still removes the
 * key from the live file and from any later copy of it.
 */
export async function shredFile(file: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDWR | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(size), 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(file);
}
