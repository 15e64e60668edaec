/**
 * The signed proof of destruction of a destruction list (SPEC RET-01, RET-07; issue 6 scope 1; ADR
 * 0016). The document says, with ids, codes, dates and counts only, which cases were destroyed under
 * which rule, who approved (four eyes) and where each step stands in the audit log: the position of
 * every approval, of every purge (`erase`/`delete_case`) and of every key destruction (`destroy`/
 * `case_key_destroyed`), so that anyone holding the log, or an inclusion proof of it, checks them.
 *
 * It is signed with the audit log's checkpoint key (ARCHITECTURE §3 law 4), which the controller
 * already publishes as the verifier key of its log; the signature covers the canonical JSON of the
 * document (keys sorted, no whitespace: one line). A checkpoint note is at least three lines, so a
 * proof's signature can never pass for a checkpoint's, nor the reverse. The PDF is a rendering of the
 * same document, carrying its SHA-256 and the signature. Pure: the services gather the facts.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { type CheckpointSigner, verifierKey } from '../../kernel/audit/index.js';
import { canonicalJson, type JsonValue } from '../../kernel/audit/canonical-json.js';
import type { PdfDocumentSpec, PdfSection } from '../../kernel/pdf/index.js';
import type { TombstoneCounts } from '../../db/schema.js';
import type { RetentionKeeper } from '../access/retention-access.js';
import { registerFooter } from '../declarations/declaration-texts.js';
import { PROOF_TEXTS, type ProofLanguage } from './destruction-proof-texts.js';

export const PROOF_FORMAT = 'concerto-destruction-proof/1';

export interface ProofFacts {
  listId: string;
  keeper: RetentionKeeper;
  controllerIds: readonly string[];
  createdAt: Date;
  approvedAt: Date;
  approvals: readonly {
    capacity: 'keeper' | 'dpo';
    organisationId: string;
    userId: string;
    approvedAt: Date;
    auditPosition: number;
  }[];
  destroyed: readonly {
    caseId: string;
    frameworkId: string;
    finalState: string;
    closedAt: Date;
    retentionEnd: string;
    retentionRule: string;
    reason: string;
    purgedAt: Date;
    keyDestroyedAt: Date;
    counts: TombstoneCounts;
    purgeAuditPosition: number;
    keyAuditPosition: number;
  }[];
  withdrawn: readonly { caseId: string; because: string; settledAt: Date }[];
  issuedAt: Date;
}

/** The proof as stored and downloaded: the document and its signature. */
export interface SignedProof {
  proof: { [key: string]: JsonValue };
  signature: {
    algorithm: 'Ed25519';
    signed: 'canonical JSON of proof';
    keyName: string;
    verifierKey: string;
    publicKey: string;
    value: string;
  };
}

const iso = (at: Date): string => at.toISOString();

/** The document: ids, codes, dates, counts and audit positions; no name, no content. */
export function proofDocument(
  facts: ProofFacts,
  signer: { keyName: string; verifierKey: string },
): { [key: string]: JsonValue } {
  return {
    format: PROOF_FORMAT,
    listId: facts.listId,
    keeper: { organisationId: facts.keeper.organisationId, relation: facts.keeper.relation },
    controllerIds: [...facts.controllerIds],
    createdAt: iso(facts.createdAt),
    approvedAt: iso(facts.approvedAt),
    approvals: facts.approvals.map((a) => ({
      capacity: a.capacity,
      organisationId: a.organisationId,
      userId: a.userId,
      approvedAt: iso(a.approvedAt),
      auditPosition: a.auditPosition,
    })),
    destroyed: facts.destroyed.map((d) => ({
      caseId: d.caseId,
      frameworkId: d.frameworkId,
      finalState: d.finalState,
      closedAt: iso(d.closedAt),
      retentionEnd: d.retentionEnd,
      retentionRule: d.retentionRule,
      reason: d.reason,
      purgedAt: iso(d.purgedAt),
      keyDestroyedAt: iso(d.keyDestroyedAt),
      counts: d.counts as unknown as JsonValue,
      auditPositions: { purge: d.purgeAuditPosition, keyDestruction: d.keyAuditPosition },
    })),
    withdrawn: facts.withdrawn.map((w) => ({
      caseId: w.caseId,
      because: w.because,
      settledAt: iso(w.settledAt),
    })),
    issuedAt: iso(facts.issuedAt),
    signer,
  };
}

/**
 * Signs a destruction document built by `build` (given the signer it must name) with the checkpoint
 * key named `origin`; returns what is stored. The proof of a list here and the certificate of a
 * destruction order (modules/destruction-orders, SPEC PEN-16, RET-09) are signed, presented
 * (`presentProof`) and verified (`verifyDestructionProof`) alike.
 */
export async function signDestructionDocument(
  build: (signer: { keyName: string; verifierKey: string }) => { [key: string]: JsonValue },
  signer: CheckpointSigner,
  origin: string,
): Promise<{ document: string; signature: string }> {
  const publicKey = await signer.checkpointPublicKey();
  const document = canonicalJson(build({ keyName: origin, verifierKey: verifierKey(origin, publicKey) }));
  const signature = await signer.signCheckpoint(Buffer.from(document, 'utf8'));
  return { document, signature: Buffer.from(signature).toString('base64') };
}

/** Builds and signs the proof with the checkpoint key named `origin`; returns what is stored. */
export function signedProof(
  facts: ProofFacts,
  signer: CheckpointSigner,
  origin: string,
): Promise<{ document: string; signature: string }> {
  return signDestructionDocument((named) => proofDocument(facts, named), signer, origin);
}

/** The stored proof as it is downloaded. */
export function presentProof(
  stored: { document: string; signature: string },
  publicKey: Uint8Array,
): SignedProof {
  const proof = JSON.parse(stored.document) as SignedProof['proof'];
  const signer = proof.signer as { keyName: string; verifierKey: string };
  return {
    proof,
    signature: {
      algorithm: 'Ed25519',
      signed: 'canonical JSON of proof',
      keyName: signer.keyName,
      verifierKey: signer.verifierKey,
      publicKey: Buffer.from(publicKey).toString('base64'),
      value: stored.signature,
    },
  };
}

/**
 * Checks a downloaded proof: the Ed25519 signature over the canonical JSON of `proof`, with
 * `trustedKey` (the verifier's copy of the log's public key) or else the key the proof names, which
 * must then match the verifier key the signed document itself declares.
 */
export function verifyDestructionProof(signed: SignedProof, trustedKey?: Uint8Array): boolean {
  const publicKey = trustedKey ?? Buffer.from(signed.signature.publicKey, 'base64');
  const signer = signed.proof.signer as { keyName?: unknown; verifierKey?: unknown } | undefined;
  if (typeof signer?.keyName !== 'string' || signer.verifierKey !== verifierKey(signer.keyName, publicKey))
    return false;
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return verify(
    null,
    Buffer.from(canonicalJson(signed.proof), 'utf8'),
    key,
    Buffer.from(signed.signature.value, 'base64'),
  );
}

const counted = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key}: ${n}`)
    .join(', ') || '0';

/** The PDF rendering of a signed proof in `language`, watermarked for whoever downloads it (SPEC SEC-14). */
export function proofPdfSpec(
  signed: SignedProof,
  language: ProofLanguage,
  meta: {
    names: ReadonlyMap<string, string>;
    exportedBy: string;
    at: Date;
    /** DCL-25 (L1992 art. 18 al. 4): the keeper's register numbers of the destroyed cases' processing. */
    registerNumbers: readonly string[];
  },
): PdfDocumentSpec {
  const t = PROOF_TEXTS[language];
  const doc = signed.proof as unknown as ProofDocumentView;
  const name = (id: string) => meta.names.get(id) ?? id;
  const sections: PdfSection[] = [
    {
      heading: t.list,
      fields: [
        [t.listId, doc.listId],
        [t.keeper, `${name(doc.keeper.organisationId)} (${t.relations[doc.keeper.relation]})`],
        [t.controllers, doc.controllerIds.map(name).join('; ')],
        [t.createdAt, doc.createdAt],
        [t.approvedAt, doc.approvedAt],
        [t.issuedAt, doc.issuedAt],
      ],
    },
    {
      heading: t.approvals,
      fields: doc.approvals.map((a) => [
        t.capacities[a.capacity],
        `${name(a.organisationId)} · ${a.userId} · ${a.approvedAt} · ${t.auditPosition} ${a.auditPosition}`,
      ]),
    },
    ...doc.destroyed.map((d) => ({
      heading: `${t.destroyedCase} ${d.caseId}`,
      fields: [
        [t.framework, d.frameworkId],
        [t.finalState, t.states[d.finalState as keyof typeof t.states] ?? d.finalState],
        [t.closedAt, d.closedAt],
        [t.retentionEnd, d.retentionEnd],
        [t.rule, d.retentionRule],
        [t.reason, t.reasons[d.reason as keyof typeof t.reasons] ?? d.reason],
        [t.purgedAt, d.purgedAt],
        [t.keyDestroyedAt, d.keyDestroyedAt],
        [t.persons, counted(d.counts.persons)],
        [t.items, counted(d.counts.items)],
        [t.paperParts, counted(d.counts.paperParts)],
        [
          t.auditPositions,
          `${t.purge} ${d.auditPositions.purge} · ${t.keyDestruction} ${d.auditPositions.keyDestruction}`,
        ],
      ] as [string, string][],
    })),
    ...(doc.withdrawn.length > 0
      ? [
          {
            heading: t.withdrawn,
            fields: doc.withdrawn.map((w) => [
              w.caseId,
              `${t.because[w.because as keyof typeof t.because] ?? w.because} · ${w.settledAt}`,
            ]) as [string, string][],
          },
        ]
      : []),
    {
      heading: t.signature,
      paragraphs: [t.signatureNote],
      fields: [
        [t.algorithm, signed.signature.algorithm],
        [t.verifierKey, signed.signature.verifierKey],
        [t.sha256, createHash('sha256').update(canonicalJson(signed.proof), 'utf8').digest('hex')],
        [t.signatureValue, signed.signature.value],
      ],
    },
  ];
  return {
    language,
    title: t.title,
    banner: t.banner,
    watermark: `${meta.exportedBy} · ${name(doc.keeper.organisationId)} · ${meta.at.toISOString()}`,
    footer: `${t.footer} · ${registerFooter(meta.registerNumbers, language)}`,
    metadata: {
      subject: t.title,
      keywords: [PROOF_FORMAT, doc.listId],
      author: 'Concerto',
      creationDate: new Date(doc.issuedAt),
    },
    sections,
  };
}

/** The document as the PDF reads it back from its JSON (the shape `proofDocument` writes). */
interface ProofDocumentView {
  listId: string;
  keeper: { organisationId: string; relation: 'organiser' | 'compartment' };
  controllerIds: string[];
  createdAt: string;
  approvedAt: string;
  issuedAt: string;
  approvals: {
    capacity: 'keeper' | 'dpo';
    organisationId: string;
    userId: string;
    approvedAt: string;
    auditPosition: number;
  }[];
  destroyed: {
    caseId: string;
    frameworkId: string;
    finalState: string;
    closedAt: string;
    retentionEnd: string;
    retentionRule: string;
    reason: string;
    purgedAt: string;
    keyDestroyedAt: string;
    counts: TombstoneCounts;
    auditPositions: { purge: number; keyDestruction: number };
  }[];
  withdrawn: { caseId: string; because: string; settledAt: string }[];
}
