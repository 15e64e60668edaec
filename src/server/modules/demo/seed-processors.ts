/**
 * The demo's processor registry (L2007 art. 16 §1; SPEC PRC-01, PRC-06), before any framework
 * goes live: the demo host proposes its record for each participant-controller, with its
 * certification, audit report and contract clauses, and uploads the signed contract, its security
 * annex and its security plan (demo PDFs made here); each controller's DPO approves it through the
 * processor service, which checks it as it would any other. The CPAS's record also names the
 * host's backup provider, a sub-processor in Luxembourg (SPEC DCL-20): its DPO first registers that
 * backup in the CPAS's transfer register, which every processor location is checked against (SPEC
 * TRF-01, TRF-11). The police's DPO has held its first compliance review.
 */
import { CATEGORY_CODES } from '../../../contracts/legal-codes.js';
import type { ProcessorDocumentKind } from '../../../contracts/processors.js';
import { renderPdf } from '../../kernel/pdf/index.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { DemoOrganisationKey } from './demo-identities.js';
import { staffWithRole } from './demo-staff.js';
import { daysFrom, organisationId, type SeedContext, staffActor } from './seed-context.js';

const CONTROLLERS: readonly Exclude<DemoOrganisationKey, 'host'>[] = [
  'police',
  'parquet',
  'cpas',
  'prison',
  'youthCare',
];

const GUARANTEES = [
  {
    kind: 'certification' as const,
    title: 'ISO/IEC 27001:2022',
    issuer: 'Organisme de certification de Démo',
    reference: 'DEMO-ISMS-2025-001',
    issuedOn: '2025-05-12',
    validUntil: '2028-05-11',
  },
  {
    kind: 'audit_report' as const,
    title: 'Rapport ISAE 3402 type II 2025',
    issuer: 'Réviseurs de Démo SRL',
    reference: 'DEMO-ISAE-2025',
    issuedOn: '2025-12-15',
    validUntil: null,
  },
];

const CONTRACT = {
  reference: 'Contrat de sous-traitance Concerto DEMO-DPA-2026',
  securityAnnexReference: 'Annexe 2 – mesures techniques et organisationnelles',
  liabilityClause: 'Article 11 – responsabilité du sous-traitant envers le responsable du traitement',
  instructionClause: 'Article 4 – traitement sur la seule instruction du responsable du traitement',
  securityObligationsClause: 'Article 5 – obligations de sécurité (art. 16, § 4)',
};

const TITLES: Record<ProcessorDocumentKind, string> = {
  contract: 'Contrat de sous-traitance (démonstration)',
  security_annex: 'Annexe de sécurité (démonstration)',
  security_plan: "Plan de sécurité de l'hébergeur (démonstration)",
};

function demoDocument(kind: ProcessorDocumentKind, controller: string, at: Date): Promise<Buffer> {
  return renderPdf({
    language: 'fr',
    title: TITLES[kind],
    banner: 'Document de démonstration: contrat fictif, sans valeur juridique.',
    watermark: 'DÉMO – Concerto',
    metadata: { subject: controller, keywords: [kind], author: 'Concerto Demo Hosting', creationDate: at },
    sections: [
      {
        heading: TITLES[kind],
        fields: [
          ['Responsable du traitement', controller],
          ['Sous-traitant', 'Concerto Demo Hosting'],
          ['Référence', CONTRACT.reference],
        ],
        paragraphs: ['Signé pour les deux parties (signatures fictives).'],
      },
    ],
  });
}

export async function seedProcessors(context: SeedContext): Promise<void> {
  const { processors } = context.services;
  const signedOn = brusselsDateOf(daysFrom(context, -60));
  for (const key of CONTROLLERS) {
    const controllerId = organisationId(context, key);
    const controller = context.organisations.get(key)!.legalName;
    const host = await processors.createRecord(context.operator, {
      controllerOrganisationId: controllerId,
      role: 'host',
      country: 'BE',
      services: "Hébergement et exploitation de l'instance Concerto, sauvegardes chiffrées",
      guarantees: GUARANTEES,
      contract: { ...CONTRACT, signedOn },
    });
    for (const kind of ['contract', 'security_annex', 'security_plan'] as const) {
      await processors.uploadDocument(
        context.operator,
        host.id,
        { kind, documentDate: signedOn, filename: `${kind}.pdf` },
        await demoDocument(kind, controller, context.now),
      );
    }
    const dpo = staffActor(context, staffWithRole(key, 'dpo'));
    await processors.approveRecord(dpo, host.id);
    if (key === 'cpas') {
      // A copy of the whole database: every category the CPAS may hold goes there (L1992 art. 17 §6 1°).
      await context.services.crossBorder.registerDestination(dpo, {
        kind: 'backup',
        name: 'Sauvegardes de Démo SA, copie hors site (Luxembourg)',
        country: 'LU',
        categories: [...CATEGORY_CODES],
        basis: { kind: 'none' },
      });
      const backup = await processors.createRecord(context.operator, {
        controllerOrganisationId: controllerId,
        role: 'backup',
        subProcessorOf: host.id,
        processor: {
          name: 'Sauvegardes de Démo SA',
          address: 'Rue du Fort 12, 1855 Luxembourg',
          enterpriseNumber: null,
        },
        country: 'LU',
        services: 'Copie chiffrée hors site des sauvegardes',
        guarantees: [GUARANTEES[0]!],
        contract: { ...CONTRACT, reference: 'Contrat de sous-traitance ultérieure DEMO-SUB-2026', signedOn },
      });
      for (const kind of ['contract', 'security_annex'] as const) {
        await processors.uploadDocument(
          context.operator,
          backup.id,
          { kind, documentDate: signedOn, filename: `${kind}.pdf` },
          await demoDocument(kind, controller, context.now),
        );
      }
      await processors.approveRecord(dpo, backup.id);
    }
    if (key === 'police') {
      await processors.recordReview(dpo, host.id, {
        kind: 'compliance',
        reviewedOn: brusselsDateOf(context.now),
        outcome: 'compliant',
        findings: 'Revue de démonstration: garanties et plan de sécurité vérifiés.',
      });
    }
  }
}
