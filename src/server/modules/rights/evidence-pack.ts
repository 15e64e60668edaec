/**
 * The litigation evidence pack of one part of a request (L2007 art. 14; SPEC RGT-CRT-01): when the
 * person takes the controller to the president of the court, the desk hands over, in one signed
 * ZIP, the request, the identity check, every date and clock, the decision with its reasons, the
 * letter, the changes carried out, who was told, the audit events and any court action. The
 * manifest lists each artefact with its SHA-256 and timestamp and is signed with the audit log's
 * checkpoint key (ARCHITECTURE §3 law 4), so that the pack is checked with the verifier key the
 * controller already publishes for its log. Pure: the service gathers the facts.
 */
import { createHash } from 'node:crypto';
import { type CheckpointSigner, verifierKey } from '../../kernel/audit/index.js';
import { storeZip, type ZipEntry } from '../../kernel/documents/index.js';

export interface PackArtefact {
  name: string;
  content: Buffer;
  /** When what the artefact records happened (or was last written). */
  timestamp: Date;
}

export interface PackSigning {
  signer: CheckpointSigner;
  /** The audit log's origin, the name of its signing key (C2SP signed-note). */
  origin: string;
}

export const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/**
 * The ZIP: the artefacts, manifest.json (the facts, then every artefact with its hash, size and
 * timestamp) and manifest.sig (an Ed25519 signature of manifest.json's bytes with the checkpoint
 * key, and the key's reference). A manifest is JSON over several lines: it can never read as a
 * checkpoint (origin, size and root lines), so the signature cannot be passed off as one.
 */
export async function evidencePack(
  facts: Record<string, unknown>,
  artefacts: readonly PackArtefact[],
  signing: PackSigning,
  generatedAt: Date,
): Promise<Buffer> {
  const publicKey = await signing.signer.checkpointPublicKey();
  const key = verifierKey(signing.origin, publicKey);
  const manifest = json({
    format: 'concerto-evidence-pack/1',
    ...facts,
    generatedAt: generatedAt.toISOString(),
    artefacts: artefacts.map((a) => ({
      name: a.name,
      sha256: sha256(a.content),
      size: a.content.length,
      timestamp: a.timestamp.toISOString(),
    })),
    signature: { file: 'manifest.sig', algorithm: 'Ed25519', verifierKey: key },
  });
  const signature = await signing.signer.signCheckpoint(manifest);
  const sig = json({
    algorithm: 'Ed25519',
    signed: 'manifest.json',
    keyName: signing.origin,
    verifierKey: key,
    publicKey: Buffer.from(publicKey).toString('base64'),
    signature: signature.toString('base64'),
  });
  const entries: ZipEntry[] = [
    { name: 'manifest.json', content: manifest, modifiedAt: generatedAt },
    ...artefacts.map((a) => ({ name: a.name, content: a.content, modifiedAt: a.timestamp })),
    { name: 'manifest.sig', content: sig, modifiedAt: generatedAt },
  ];
  return storeZip(entries);
}
