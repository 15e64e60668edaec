import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpointNote,
} from './checkpoint-note.js';
import { createMemorySigner } from './memory-signer.js';
import { ed25519KeyId, openNote, signNote, verifierKey } from './signed-note.js';

// The example of golang.org/x/mod/sumdb/note (also in c2sp.org/signed-note): interop with
// the Go transparency-log tooling other organisations use to check our checkpoints.
const GO_SIGNER_KEY_BASE64 = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function goKeys() {
  const seed = Buffer.from(GO_SIGNER_KEY_BASE64, 'base64').subarray(1);
  const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  const privateKey = createPrivateKey({
    key: Buffer.concat([pkcs8Prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  return { publicKey, sign: async (message: Buffer) => sign(null, message, privateKey) };
}

describe('C2SP signed note', () => {
  it('signs, names keys and verifies exactly as the Go reference implementation', async () => {
    const { publicKey, sign: goSign } = goKeys();
    expect(verifierKey('PeterNeumann', publicKey)).toBe(GO_VERIFIER_KEY);
    expect(ed25519KeyId('PeterNeumann', publicKey).toString('hex')).toBe('c74f20a3');
    expect(await signNote(GO_TEXT, 'PeterNeumann', publicKey, goSign)).toBe(GO_NOTE);
    expect(openNote(GO_NOTE, 'PeterNeumann', publicKey)).toBe(GO_TEXT);
  });

  it('rejects an altered text, a foreign key and a malformed signature block', () => {
    const { publicKey } = goKeys();
    expect(openNote(GO_NOTE.replace('cryptography', 'cryptographY'), 'PeterNeumann', publicKey)).toBeNull();
    expect(openNote(GO_NOTE, 'PeterNeumann', Buffer.alloc(32, 7))).toBeNull();
    expect(openNote(GO_NOTE, 'EnochRoot', publicKey)).toBeNull();
    expect(
      openNote(GO_NOTE.replace('— PeterNeumann', '- PeterNeumann'), 'PeterNeumann', publicKey),
    ).toBeNull();
    expect(openNote(GO_TEXT, 'PeterNeumann', publicKey)).toBeNull();
  });

  it('ignores signatures by other keys but needs one valid signature by ours', async () => {
    const { publicKey } = goKeys();
    const witness = createMemorySigner();
    const witnessKey = await witness.checkpointPublicKey();
    const witnessed = await signNote(GO_TEXT, 'Witness', witnessKey, witness.signCheckpoint);
    const cosigned = GO_NOTE + witnessed.slice(GO_TEXT.length + 1);
    expect(cosigned.split('\n— ')).toHaveLength(3);
    expect(openNote(cosigned, 'PeterNeumann', publicKey)).toBe(GO_TEXT);
    expect(openNote(cosigned, 'Witness', witnessKey)).toBe(GO_TEXT);
  });
});

describe('C2SP checkpoint', () => {
  const root = Buffer.alloc(32, 0xab);

  it('has the origin, the decimal size and the base64 root, each on its line', () => {
    const text = formatCheckpoint({ origin: 'concerto.example.be/audit', size: 1234, root });
    expect(text).toBe(`concerto.example.be/audit\n1234\n${root.toString('base64')}\n`);
    expect(parseCheckpoint(text)).toEqual({ origin: 'concerto.example.be/audit', size: 1234, root });
  });

  it('refuses malformed bodies', () => {
    const root64 = root.toString('base64');
    for (const text of [
      `o\n0012\n${root64}\n`,
      `o\n-1\n${root64}\n`,
      `o\n12\n${root64}`,
      `o\n12\n${root64}\nextra\n`,
      `o\n12\n${Buffer.alloc(31).toString('base64')}\n`,
      `\n12\n${root64}\n`,
    ]) {
      expect(parseCheckpoint(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('verifies with the log key and origin only', async () => {
    const signer = createMemorySigner();
    const publicKey = await signer.checkpointPublicKey();
    const note = await signCheckpoint(
      { origin: 'concerto.example.be/audit', size: 9, root },
      publicKey,
      signer.signCheckpoint,
    );
    expect(verifyCheckpointNote(note, publicKey, 'concerto.example.be/audit')).toEqual({
      origin: 'concerto.example.be/audit',
      size: 9,
      root,
    });
    expect(
      verifyCheckpointNote(
        note,
        await createMemorySigner().checkpointPublicKey(),
        'concerto.example.be/audit',
      ),
    ).toBeNull();
    expect(verifyCheckpointNote(note, publicKey, 'other.example.be/audit')).toBeNull();
    expect(
      verifyCheckpointNote(note.replace('\n9\n', '\n10\n'), publicKey, 'concerto.example.be/audit'),
    ).toBeNull();
  });
});
