/**
 * One scope's key-encryption keys in the file key provider: `scopes/<sha256(scope) hex>.json`
 * holding every version (older versions still unwrap the data keys they wrapped). Each scope
 * key is sealed under the master key with AES-256-GCM; the AAD binds scope, file id and
 * version, so a sealed key copied into another scope's file, or under another version, does
 * not open.
 *
 * `id` is random per creation of the file. Wrapped data keys carry it, so a data key wrapped
 * before `destroyScope` is reported as destroyed even if the scope is created again later.
 */
import { createHash, type KeyObject, randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm.js';

export interface ScopeKeyVersion {
  readonly version: number;
  /** base64 of iv ‖ tag ‖ ciphertext of the 32-byte scope key. */
  readonly sealed: string;
}

export interface ScopeKeyFile {
  readonly format: 1;
  readonly id: string;
  readonly versions: readonly ScopeKeyVersion[];
}

export function scopeFileName(scope: string): string {
  // A hash gives every scope string a fixed, filesystem-safe name.
  return `${createHash('sha256').update(scope, 'utf8').digest('hex')}.json`;
}

function sealingAad(scope: string, id: string, version: number): Buffer {
  return Buffer.from(JSON.stringify(['concerto:scope-key:v1', scope, id, version]), 'utf8');
}

function sealVersion(master: KeyObject, scope: string, id: string, version: number): ScopeKeyVersion {
  const sealed = seal(master, randomBytes(32), sealingAad(scope, id, version));
  return { version, sealed: sealed.toString('base64') };
}

export function newScopeKeyFile(master: KeyObject, scope: string): ScopeKeyFile {
  const id = randomBytes(16).toString('hex');
  return { format: 1, id, versions: [sealVersion(master, scope, id, 1)] };
}

export function latestVersion(file: ScopeKeyFile): number {
  return Math.max(...file.versions.map((entry) => entry.version));
}

export function withNewVersion(master: KeyObject, scope: string, file: ScopeKeyFile): ScopeKeyFile {
  const version = latestVersion(file) + 1;
  return { ...file, versions: [...file.versions, sealVersion(master, scope, file.id, version)] };
}

/** The scope key of one version; undefined when the file has no such version. */
export function openScopeKey(
  master: KeyObject,
  scope: string,
  file: ScopeKeyFile,
  version: number,
): Buffer | undefined {
  const entry = file.versions.find((candidate) => candidate.version === version);
  if (!entry) return undefined;
  return open(master, Buffer.from(entry.sealed, 'base64'), sealingAad(scope, file.id, version));
}

export function serialiseScopeKeyFile(file: ScopeKeyFile): string {
  return `${JSON.stringify(file)}\n`;
}

function isVersion(value: unknown): value is ScopeKeyVersion {
  const entry = value as ScopeKeyVersion;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Number.isSafeInteger(entry.version) &&
    entry.version > 0 &&
    typeof entry.sealed === 'string'
  );
}

export function parseScopeKeyFile(path: string, data: Buffer): ScopeKeyFile {
  let parsed: Partial<ScopeKeyFile>;
  try {
    parsed = JSON.parse(data.toString('utf8')) as Partial<ScopeKeyFile>;
  } catch {
    throw new Error(`Scope key file ${path} is not valid JSON`);
  }
  if (
    parsed.format !== 1 ||
    typeof parsed.id !== 'string' ||
    !/^[0-9a-f]{32}$/.test(parsed.id) ||
    !Array.isArray(parsed.versions) ||
    parsed.versions.length === 0 ||
    !parsed.versions.every(isVersion)
  ) {
    throw new Error(`Scope key file ${path} is not a format-1 scope key file`);
  }
  return { format: 1, id: parsed.id, versions: parsed.versions };
}
