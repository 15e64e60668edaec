/**
 * The destruction certificate of an order (SPEC PEN-16: "scope, date, executor, order reference";
 * RET-09). It is the retention's signed proof of destruction (modules/retention/destruction-proof.ts)
 * with the order's facts: the same canonical JSON, signed with the audit log's checkpoint key, and
 * downloaded and verified the same way (`presentProof`, `verifyDestructionProof`). It says with ids,
 * references, dates and counts which cases were destroyed under which order, who recorded and who
 * executed it, which legal holds the court's reference overrode, which cases were withheld, and where
 * each step stands in the audit log. Backups: the case keys are destroyed in the key provider
 * (crypto-shredding, ADR 0006), so a backup taken before holds ciphertext nothing decrypts any more
 * (SPEC RET-07); the certificate says so. Pure: the execution gathers the facts.
 */

import type {
  DestructionOrderKind,
  EmergencyCircumstance,
  OverriddenHold,
  TombstoneCounts,
} from '../../db/schema.js';
import type { JsonValue } from '../../kernel/audit/canonical-json.js';
import type { CheckpointSigner } from '../../kernel/audit/index.js';
import { signDestructionDocument } from '../retention/destruction-proof.js';
import { legalBasisOf } from './destruction-order-rules.js';

export const CERTIFICATE_FORMAT = 'concerto-destruction-certificate/1';

/** What the certificate says about backups (SPEC RET-07; ADR 0006). */
export const BACKUPS_STATEMENT =
  'Each destroyed case’s wrapped data keys were deleted with its rows and its scope key destroyed in the key provider (crypto-shredding): a backup taken before the destruction holds ciphertext that no key decrypts any more.';

interface Person {
  userId: string;
  organisationId: string;
  role: string;
  at: Date;
  auditPosition: number;
}

export interface CertificateFacts {
  orderId: string;
  kind: DestructionOrderKind;
  order:
    | { court: string; judgmentDate: string; judgmentReference: string }
    | { orderReference: string; circumstance: EmergencyCircumstance; royalDecreeReference: string };
  recordedBy: Person;
  executedBy: Person;
  destroyed: readonly {
    caseId: string;
    frameworkId: string;
    stateAtDestruction: string;
    controllerIds: readonly string[];
    destroyedAt: Date;
    keyDestroyedAt: Date;
    counts: TombstoneCounts;
    overriddenHolds: readonly OverriddenHold[];
    eraseAuditPosition: number;
    keyAuditPosition: number;
  }[];
  withheld: readonly { caseId: string; holdIds: readonly string[]; settledAt: Date }[];
  gone: readonly { caseId: string; settledAt: Date }[];
  issuedAt: Date;
}

const iso = (at: Date): string => at.toISOString();
const person = (p: Person): JsonValue => ({
  userId: p.userId,
  organisationId: p.organisationId,
  role: p.role,
  at: iso(p.at),
  auditPosition: p.auditPosition,
});

/** The document: ids, references, dates, counts and audit positions; no name, no content. */
export function certificateDocument(
  facts: CertificateFacts,
  signer: { keyName: string; verifierKey: string },
): { [key: string]: JsonValue } {
  return {
    format: CERTIFICATE_FORMAT,
    orderId: facts.orderId,
    kind: facts.kind,
    legalBasis: legalBasisOf(facts.kind),
    order: { ...facts.order },
    recordedBy: person(facts.recordedBy),
    executedBy: person(facts.executedBy),
    scope: {
      destroyed: facts.destroyed.map((d) => ({
        caseId: d.caseId,
        frameworkId: d.frameworkId,
        stateAtDestruction: d.stateAtDestruction,
        controllerIds: [...d.controllerIds],
        destroyedAt: iso(d.destroyedAt),
        keyDestroyedAt: iso(d.keyDestroyedAt),
        counts: d.counts as unknown as JsonValue,
        overriddenLegalHolds: d.overriddenHolds.map((h) => ({
          holdId: h.holdId,
          courtOrderReference: h.courtOrderReference,
        })),
        auditPositions: { erase: d.eraseAuditPosition, keyDestruction: d.keyAuditPosition },
      })),
      withheld: facts.withheld.map((w) => ({
        caseId: w.caseId,
        because: 'legal_hold',
        legalHoldIds: [...w.holdIds],
        settledAt: iso(w.settledAt),
      })),
      alreadyGone: facts.gone.map((g) => ({ caseId: g.caseId, settledAt: iso(g.settledAt) })),
    },
    backups: { method: 'crypto_shredding', statement: BACKUPS_STATEMENT, rule: 'SPEC RET-07; ADR 0006' },
    issuedAt: iso(facts.issuedAt),
    signer,
  };
}

/** Builds and signs the certificate with the checkpoint key named `origin`; returns what is stored. */
export function signedCertificate(
  facts: CertificateFacts,
  signer: CheckpointSigner,
  origin: string,
): Promise<{ document: string; signature: string }> {
  return signDestructionDocument((named) => certificateDocument(facts, named), signer, origin);
}
