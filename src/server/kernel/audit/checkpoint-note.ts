/**
 * The body of a C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): origin line,
 * decimal tree size, base64 root hash, each ending in a newline.
 */
import { openNote, type SignMessage, signNote } from './signed-note.js';

export interface CheckpointBody {
  origin: string;
  size: number;
  root: Uint8Array;
}

const SIZE = /^(0|[1-9][0-9]*)$/;

export function formatCheckpoint({ origin, size, root }: CheckpointBody): string {
  if (origin === '' || origin.includes('\n'))
    throw new TypeError('a checkpoint origin is one non-empty line');
  return `${origin}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
}

export function parseCheckpoint(text: string): CheckpointBody | null {
  const lines = text.split('\n');
  // Exactly origin, size and root, then the empty string after the final newline.
  if (lines.length !== 4 || lines[3] !== '') return null;
  const [origin, size, root] = lines as [string, string, string];
  if (origin === '' || !SIZE.test(size) || !Number.isSafeInteger(Number(size))) return null;
  const rootBytes = Buffer.from(root, 'base64');
  if (rootBytes.length !== 32 || rootBytes.toString('base64') !== root) return null;
  return { origin, size: Number(size), root: rootBytes };
}

/** Signs a checkpoint with the key named after the log's origin. */
export function signCheckpoint(
  body: CheckpointBody,
  publicKey: Uint8Array,
  sign: SignMessage,
): Promise<string> {
  return signNote(formatCheckpoint(body), body.origin, publicKey, sign);
}

/** The checkpoint of a note validly signed by the log's key for `origin`, otherwise null. */
export function verifyCheckpointNote(
  note: string,
  publicKey: Uint8Array,
  origin: string,
): CheckpointBody | null {
  const text = openNote(note, origin, publicKey);
  if (text === null) return null;
  const body = parseCheckpoint(text);
  return body && body.origin === origin ? body : null;
}
