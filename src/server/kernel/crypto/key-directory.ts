/**
 * The key directory of the file key provider: `<dataDir>/keys/` (0700) holding
 *   master.key              key-encryption key that seals every scope key (32 bytes, base64)
 *   blind-index.key         HMAC-SHA256 key of the blind indexes (32 bytes, base64)
 *   checkpoint-signing.pem  Ed25519 key that signs audit checkpoints (PKCS#8 PEM)
 *   scopes/                 one file per scope (see scope-key-file.ts)
 *
 * The directory is built complete in a temporary sibling and renamed into place, so a crash
 * during the first start cannot leave a partial set. Later, a missing file is an error and
 * never regenerated: a new master key would make every case unreadable, a new blind-index key
 * would break every person search, and a new signing key would break checkpoint verification.
 */
import {
  createPrivateKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';
import {
  assertPrivate,
  assertPrivateTree,
  DIRECTORY_MODE,
  FILE_MODE,
  fsyncDirectory,
  readPrivateFile,
  shredFile,
  temporarySibling,
} from './private-files.js';

export const MASTER_KEY_FILE = 'master.key';
export const BLIND_INDEX_KEY_FILE = 'blind-index.key';
export const SIGNING_KEY_FILE = 'checkpoint-signing.pem';
export const SCOPES_DIRECTORY = 'scopes';

export interface KeyDirectory {
  readonly master: KeyObject;
  readonly blindIndex: KeyObject;
  readonly signing: KeyObject;
  readonly scopesDirectory: string;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function writeNewFile(file: string, data: string): Promise<void> {
  const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeTree(directory: string): Promise<void> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) await removeTree(entryPath);
    else await shredFile(entryPath);
  }
  await rmdir(directory);
}

async function generate(keysDirectory: string): Promise<void> {
  const parent = path.dirname(keysDirectory);
  await mkdir(parent, { recursive: true });
  const building = temporarySibling(keysDirectory, 'new');
  await mkdir(building, { mode: DIRECTORY_MODE });
  await mkdir(path.join(building, SCOPES_DIRECTORY), { mode: DIRECTORY_MODE });
  await writeNewFile(path.join(building, MASTER_KEY_FILE), `${randomBytes(32).toString('base64')}\n`);
  await writeNewFile(path.join(building, BLIND_INDEX_KEY_FILE), `${randomBytes(32).toString('base64')}\n`);
  const { privateKey } = generateKeyPairSync('ed25519');
  await writeNewFile(
    path.join(building, SIGNING_KEY_FILE),
    privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  await fsyncDirectory(building);
  try {
    await rename(building, keysDirectory);
  } catch (error) {
    // Another instance created the directory first (rename onto a non-empty directory fails): use theirs.
    await removeTree(building);
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  await fsyncDirectory(parent);
}

async function readSecretKey(keysDirectory: string, name: string): Promise<KeyObject> {
  const file = path.join(keysDirectory, name);
  const key = Buffer.from((await readPrivateFile(file)).toString('utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`Key file ${file} does not hold a 32-byte key`);
  return createSecretKey(key);
}

/** Opens the key directory, creating it on first start; refuses modes wider than 0600/0700. */
export async function openKeyDirectory(keysDirectory: string): Promise<KeyDirectory> {
  let entries: string[] | undefined;
  try {
    entries = await readdir(keysDirectory);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  // An empty directory (prepared by an operator) counts as absent: rename(2) replaces it.
  if (entries === undefined || entries.length === 0) await generate(keysDirectory);
  await assertPrivateTree(keysDirectory);
  await checkKeyDirectory(keysDirectory);
  const signingFile = path.join(keysDirectory, SIGNING_KEY_FILE);
  const signing = createPrivateKey((await readPrivateFile(signingFile)).toString('utf8'));
  if (signing.asymmetricKeyType !== 'ed25519') {
    throw new Error(`Key file ${signingFile} does not hold an Ed25519 private key`);
  }
  return {
    master: await readSecretKey(keysDirectory, MASTER_KEY_FILE),
    blindIndex: await readSecretKey(keysDirectory, BLIND_INDEX_KEY_FILE),
    signing,
    scopesDirectory: path.join(keysDirectory, SCOPES_DIRECTORY),
  };
}

/**
 * Cheap health check (readiness, and the start after the full tree check): the directory and
 * its fixed entries are present and private. Scope files are checked when they are read.
 */
export async function checkKeyDirectory(keysDirectory: string): Promise<void> {
  assertPrivate(keysDirectory, await lstat(keysDirectory), 'directory');
  const entries: Array<[string, 'file' | 'directory']> = [
    [MASTER_KEY_FILE, 'file'],
    [BLIND_INDEX_KEY_FILE, 'file'],
    [SIGNING_KEY_FILE, 'file'],
    [SCOPES_DIRECTORY, 'directory'],
  ];
  for (const [name, kind] of entries) {
    const entry = path.join(keysDirectory, name);
    let stats: Stats;
    try {
      stats = await lstat(entry);
    } catch (error) {
      if (!isMissing(error)) throw error;
      throw new Error(
        `Key ${kind} ${entry} is missing. Restore it from the key backup; Concerto does not create a new one, which would make existing data unreadable.`,
      );
    }
    assertPrivate(entry, stats, kind);
  }
}
