import { describe, expect, it } from 'vitest';
import { createMemorySigner } from '../../kernel/audit/memory-signer.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import {
  type ProofFacts,
  presentProof,
  proofPdfSpec,
  signedProof,
  verifyDestructionProof,
} from './destruction-proof.js';

const facts: ProofFacts = {
  listId: '11111111-1111-4111-8111-111111111111',
  keeper: { organisationId: 'org-coordination', relation: 'organiser' },
  controllerIds: ['org-police'],
  createdAt: new Date('2055-03-02T00:30:00Z'),
  approvedAt: new Date('2055-03-02T09:00:00Z'),
  approvals: [
    {
      capacity: 'keeper',
      organisationId: 'org-coordination',
      userId: 'user-1',
      approvedAt: new Date('2055-03-02T08:00:00Z'),
      auditPosition: 41,
    },
    {
      capacity: 'dpo',
      organisationId: 'org-police',
      userId: 'user-2',
      approvedAt: new Date('2055-03-02T09:00:00Z'),
      auditPosition: 42,
    },
  ],
  destroyed: [
    {
      caseId: '22222222-2222-4222-8222-222222222222',
      frameworkId: 'framework-1',
      finalState: 'closed',
      closedAt: new Date('2025-03-01T10:00:00Z'),
      retentionEnd: '2055-03-01',
      retentionRule: 'bill art. 3 §1 al. 1; bill art. 2 §3 4°',
      reason: 'retention_ended',
      purgedAt: new Date('2055-03-02T09:00:01Z'),
      keyDestroyedAt: new Date('2055-03-02T09:00:02Z'),
      counts: { persons: { subject: 1 }, items: { C11: 2 }, paperParts: {}, rows: { items: 2 } },
      purgeAuditPosition: 43,
      keyAuditPosition: 44,
    },
  ],
  withdrawn: [],
  issuedAt: new Date('2055-03-02T09:00:03Z'),
};

describe('the signed proof of destruction', () => {
  it('RET-01 RET-07 verifies with the checkpoint key it names, and fails once altered or with another key', async () => {
    const signer = createMemorySigner();
    const stored = await signedProof(facts, signer, 'concerto.test/audit');
    // One line of canonical JSON: a checkpoint note is three lines at least, so the signatures never mix.
    expect(stored.document).not.toContain('\n');
    const publicKey = await signer.checkpointPublicKey();
    const proof = presentProof(stored, publicKey);
    expect(proof.proof).toMatchObject({
      format: 'concerto-destruction-proof/1',
      signer: { keyName: 'concerto.test/audit' },
    });
    expect(verifyDestructionProof(proof)).toBe(true);
    expect(verifyDestructionProof(proof, publicKey)).toBe(true);
    const altered = structuredClone(proof);
    (altered.proof.approvals as { auditPosition: number }[])[0]!.auditPosition = 7;
    expect(verifyDestructionProof(altered)).toBe(false);
    const other = await createMemorySigner().checkpointPublicKey();
    expect(verifyDestructionProof(proof, other)).toBe(false);
  });

  it('RET-07 renders in the four languages with the audit positions, the counts, the hash and the signature', async () => {
    const signer = createMemorySigner();
    const proof = presentProof(
      await signedProof(facts, signer, 'concerto.test/audit'),
      await signer.checkpointPublicKey(),
    );
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      const spec = proofPdfSpec(proof, language, {
        names: new Map([['org-coordination', 'Veilig Huis Oost-Vlaanderen']]),
        exportedBy: 'user-9',
        at: new Date('2055-03-03T10:00:00Z'),
        registerNumbers: ['VT005123456'],
      });
      const text = JSON.stringify(spec.sections);
      // DCL-25: the keeper's register number on every page.
      expect(spec.footer).toContain('VT005123456');
      expect(text).toContain('43');
      expect(text).toContain('C11: 2');
      expect(text).toContain(proof.signature.value);
      expect(spec.watermark).toContain('user-9');
      expect((await renderPdf(spec)).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});
