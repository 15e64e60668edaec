/**
 * C2SP signed-note with Ed25519 (https://c2sp.org/signed-note): the envelope of the audit
 * log's checkpoints, readable by the standard transparency-log tooling of other
 * organisations (ARCHITECTURE §3, law 4).
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

/** Signature type byte of Ed25519 in the signed-note key id and verifier key. */
const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
const KEY_NAME = /^[^\s+]+$/u;

export type SignMessage = (message: Buffer) => Promise<Buffer>;

function assertKeyName(name: string): void {
  if (!KEY_NAME.test(name)) throw new TypeError('a signed-note key name has no spaces and no "+"');
}

function assertPublicKey(publicKey: Uint8Array): void {
  if (publicKey.length !== 32) throw new TypeError('an Ed25519 public key has 32 bytes');
}

/** First 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
export function ed25519KeyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(new Uint8Array([0x0a, ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The verifier key `<name>+<hex key id>+<base64(0x01 ‖ public key)>` that others configure. */
export function verifierKey(name: string, publicKey: Uint8Array): string {
  assertKeyName(name);
  assertPublicKey(publicKey);
  const keyId = ed25519KeyId(name, publicKey).toString('hex');
  return `${name}+${keyId}+${Buffer.concat([new Uint8Array([ED25519]), publicKey]).toString('base64')}`;
}

/** Signs a note text (which ends in a newline) and returns the whole note. */
export async function signNote(
  text: string,
  name: string,
  publicKey: Uint8Array,
  sign: SignMessage,
): Promise<string> {
  assertKeyName(name);
  assertPublicKey(publicKey);
  if (!text.endsWith('\n') || text.includes('\n\n'))
    throw new TypeError('a note text ends in one newline and has no blank line');
  const signature = await sign(Buffer.from(text, 'utf8'));
  if (signature.length !== 64) throw new TypeError('an Ed25519 signature has 64 bytes');
  const encoded = Buffer.concat([ed25519KeyId(name, publicKey), signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${name} ${encoded}\n`;
}

function ed25519PublicKey(publicKey: Uint8Array) {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
}

/**
 * The text of the note when it carries a valid signature by (name, publicKey), otherwise
 * null. Signatures by other keys are ignored, as the spec asks; a signature that claims
 * to be ours but does not verify rejects the note.
 */
export function openNote(note: string, name: string, publicKey: Uint8Array): string | null {
  assertPublicKey(publicKey);
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return null;
  const text = note.slice(0, split + 1);
  const keyId = ed25519KeyId(name, publicKey);
  const key = ed25519PublicKey(publicKey);
  let verified = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return null;
    const [lineName, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (!lineName || !encoded || rest.length > 0) return null;
    const bytes = Buffer.from(encoded, 'base64');
    if (lineName !== name || bytes.length < 4 || !bytes.subarray(0, 4).equals(keyId)) continue;
    if (bytes.length !== 68 || !verify(null, Buffer.from(text, 'utf8'), key, bytes.subarray(4))) return null;
    verified = true;
  }
  return verified ? text : null;
}
