/**
 * The inventory of the document templates (L1992 art. 39 9°: breach of art. 18 al. 4, the
 * register number on every document that materialises the processing's use; SPEC DCL-25, PEN-10).
 * Every PDF Concerto renders for a user is built by one template function of a module; each is
 * rendered here through the kernel's renderer, from sample facts that give it the probe register
 * number wherever its facts can carry one, and the footer of every page of the result is read back
 * (register-footer.ts). "Present" is what the rendered pages say, not what anyone wrote down: a
 * template that cannot carry the number, or drops it, shows "no".
 *
 * The list of templates is checked against the source: every `…PdfSpec` function of the server
 * modules must be here (test/penal-evidence). The demo seed renders stand-ins for documents of
 * others (a prosecutor's authorisation, a processor's contract), which Concerto does not issue.
 */
import type { DeclarationContent } from '../../../contracts/declarations.js';
import type { TemplateInventory } from '../../../contracts/penal-evidence.js';
import { type PdfDocumentSpec, renderPdf } from '../../kernel/pdf/index.js';
import {
  buildInformationPack,
  buildManualFileSheet,
  buildStatement,
  informationPackPdfSpec,
  manualFileSheetPdfSpec,
  statementPdfSpec,
} from '../declarations/controller-reports.js';
import { declarationPdfSpec } from '../declarations/declaration-document.js';
import { securityPlan } from '../declarations/security-plan.js';
import { noticePdfSpec } from '../information-notices/notice-document.js';
import { registerPdfSpec } from '../interconnections/register-document.js';
import { proofPdfSpec } from '../retention/destruction-proof.js';
import { accessAnswerJson, accessAnswerPdfSpec } from '../rights/access-answer-document.js';
import { replyLetter, replyLetterPdfSpec } from '../rights/reply-letter.js';
import { exportPdfSpec } from '../transfers/transfer-document.js';
import { evidencePackPdfSpec } from './evidence-pack-document.js';
import { footerOnEveryPage } from './register-footer.js';

export const TEMPLATE_RULE = 'L1992 art. 39 9° and art. 18 al. 4 (SPEC DCL-25, PEN-10)';

/** A register number no real register gives, so that finding it proves the template printed it. */
export const PROBE_NUMBER = 'PEN10-PROBE-0000-000001';

const ID = '00000000-0000-4000-8000-000000000010';
const AT = new Date('2026-01-15T10:00:00Z');
const CONTROLLER = { id: ID, legalName: 'Template inventory' };

export interface DocumentTemplate {
  template: string;
  /** Module file and function that build the template (the inventory's test checks the source). */
  source: string;
  document: string;
  /** The template's PDF for sample facts that carry `registerNumber` wherever they can. */
  spec(registerNumber: string): PdfDocumentSpec;
}

function sampleDeclaration(): DeclarationContent {
  return {
    format: 'concerto.declaration/1',
    language: 'fr',
    declarationId: ID,
    declarationDate: '2026-01-15',
    publicRegisterExemption: 'no',
    sections: {
      instrument: { instruments: [] },
      controller: {
        legalName: CONTROLLER.legalName,
        address: '-',
        enterpriseNumber: null,
        establishmentCountry: 'BE',
        representative: null,
      },
      processor: { host: null },
      name: { processings: [] },
      purposes: { purposes: [], description: null },
      categories: { categories: [], special: [], judicialKinds: [] },
      recipients: { categories: [] },
      safeguards: { safeguards: [] },
      rights: {
        information: '-',
        accessService: '-',
        route: 'direct',
        routeText: '-',
        channels: [],
        facilitation: '-',
      },
      retention: { frameworks: [], rules: [] },
      security: { description: '-', planVersion: '1', planDocument: '-' },
      journalism: { ground: 'not_applicable', text: '-' },
      transfers: { categories: [] },
    },
  };
}

const reportMeta = (registerNumber: string) => ({
  language: 'fr' as const,
  controller: CONTROLLER,
  registerNumbers: [registerNumber],
  generatedAt: AT,
});

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    template: 'declaration',
    source: 'modules/declarations/declaration-document.ts#declarationPdfSpec',
    document:
      'Declaration of processing to the Commission, its preview and the public register sheet (art. 17, 18)',
    spec: (n) =>
      declarationPdfSpec(sampleDeclaration(), {
        mode: 'commission',
        registerNumbers: [n],
        version: 1,
        exportedBy: ID,
        at: AT,
      }),
  },
  {
    template: 'processing_statement',
    source: 'modules/declarations/controller-reports.ts#statementPdfSpec',
    document: 'Processing statement of a period (L1992 art. 16 §1 1°; SEC-13)',
    spec: (n) => {
      const facts = {
        ...reportMeta(n),
        period: { from: '2026-01-01', to: '2026-01-15' },
        purposes: [],
        categories: [],
        consultations: { events: 0, own: 0 },
        recipients: [],
        interconnections: [],
      };
      return statementPdfSpec(buildStatement(facts), facts, ID);
    },
  },
  {
    template: 'information_pack',
    source: 'modules/declarations/controller-reports.ts#informationPackPdfSpec',
    document: "The Commission's information pack (art. 17 §4; DCL-16)",
    spec: (n) => {
      const facts = { ...reportMeta(n), provenance: [], host: null, plan: securityPlan(), descriptions: [] };
      return informationPackPdfSpec(buildInformationPack(facts), facts, ID);
    },
  },
  {
    template: 'manual_file_sheet',
    source: 'modules/declarations/controller-reports.ts#manualFileSheetPdfSpec',
    document: 'Manual-file sheet (art. 19; DCL-26)',
    spec: (n) => {
      const facts = { ...reportMeta(n), declarations: [], paperParts: [] };
      return manualFileSheetPdfSpec(buildManualFileSheet(facts), facts, ID);
    },
  },
  {
    template: 'information_notice',
    source: 'modules/information-notices/notice-document.ts#noticePdfSpec',
    document: 'Information notice to the person concerned (art. 9; RGT-INF-01, RGT-INF-05)',
    spec: (n) =>
      noticePdfSpec(
        {
          obligationId: ID,
          controller: {
            legalName: CONTROLLER.legalName,
            address: '-',
            enterpriseNumber: null,
            representative: null,
            rightsContact: '-',
            dpo: null,
            mission: null,
            processingManager: null,
          },
          host: null,
          purposes: ['P1'],
          framework: '-',
          categories: [],
          recipients: [],
          registerReference: n,
          generatedBy: ID,
          generatedAt: AT,
        },
        'fr',
      ),
  },
  {
    template: 'access_answer',
    source: 'modules/rights/access-answer-document.ts#accessAnswerPdfSpec',
    document: 'Answer to a request for access (art. 10; RGT-ACC-01)',
    spec: (n) =>
      accessAnswerPdfSpec(
        accessAnswerJson({
          language: 'fr',
          controller: { legalName: CONTROLLER.legalName, address: '-', rightsContact: '-', dpo: null },
          requesterName: '-',
          receivedAt: AT,
          purposes: ['P1'],
          recipientClasses: [],
          records: [],
          healthProfessional: null,
        }),
        { exportedBy: ID, organisation: CONTROLLER.legalName, at: AT, registerNumbers: [n] },
      ),
  },
  {
    template: 'reply_letter',
    source: 'modules/rights/reply-letter.ts#replyLetterPdfSpec',
    document: 'Letter telling the person the outcome of a request (arts 10, 12, 14; RGT-OBJ-02)',
    spec: (n) =>
      replyLetterPdfSpec(
        replyLetter({
          language: 'fr',
          controller: CONTROLLER.legalName,
          requesterName: '-',
          receivedAt: AT,
          kind: 'access',
          outcome: 'answered',
          reasons: null,
          directMarketing: false,
          objectionExcluded: false,
          answeredAt: AT,
        }),
        { exportedBy: ID, at: AT, registerNumbers: [n] },
      ),
  },
  {
    template: 'own_file_export',
    source: 'modules/transfers/transfer-document.ts#exportPdfSpec',
    document: 'Own-file export of shared items (bill art. 4; FIL-07)',
    spec: (n) =>
      exportPdfSpec(
        {
          transferId: ID,
          caseId: ID,
          caseTitle: '-',
          purpose: 'P1',
          requester: CONTROLLER,
          exportedBy: ID,
          exportedAt: AT,
          retention: { endsOn: null, months: null, basis: '-' },
          items: [],
          registerNumbers: [n],
        },
        'fr',
      ),
  },
  {
    template: 'destruction_proof',
    source: 'modules/retention/destruction-proof.ts#proofPdfSpec',
    document: 'Proof of destruction of a destruction list (bill art. 2 §3 4°; RET-04)',
    spec: (n) =>
      proofPdfSpec(
        {
          proof: {
            listId: ID,
            keeper: { organisationId: ID, relation: 'organiser' },
            controllerIds: [ID],
            createdAt: AT.toISOString(),
            approvedAt: AT.toISOString(),
            issuedAt: AT.toISOString(),
            approvals: [],
            destroyed: [],
            withdrawn: [],
          },
          signature: {
            algorithm: 'Ed25519',
            signed: 'canonical JSON of proof',
            keyName: '-',
            verifierKey: '-',
            publicKey: '-',
            value: '-',
          },
        },
        'fr',
        { names: new Map(), exportedBy: ID, at: AT, registerNumbers: [n] },
      ),
  },
  {
    template: 'interconnection_register',
    source: 'modules/interconnections/register-document.ts#registerPdfSpec',
    document: 'Register of interconnections (L1992 art. 21; INT-01, PEN-12)',
    spec: (n) =>
      registerPdfSpec(
        { controller: CONTROLLER, exportedAt: AT.toISOString(), interconnections: [], registerNumbers: [n] },
        { language: 'fr', exportedBy: ID, at: AT },
      ),
  },
  {
    template: 'art_38_evidence_pack',
    source: 'modules/penal-evidence/evidence-pack-document.ts#evidencePackPdfSpec',
    document: 'Art. 38 evidence pack of the controller (L1992 art. 38; PEN-01)',
    spec: (n) => {
      const head = { controller: CONTROLLER, generatedAt: AT.toISOString(), registerNumbers: [n] };
      const facts = {
        ...reportMeta(n),
        period: { from: '2026-01-01', to: '2026-01-15' },
        purposes: [],
        categories: [],
        consultations: { events: 0, own: 0 },
        recipients: [],
        interconnections: [],
      };
      return evidencePackPdfSpec(
        {
          format: 'concerto.art-38-evidence-pack/1',
          ...head,
          rule: '-',
          language: 'fr',
          period: { from: '2026-01-01', to: '2026-01-15' },
          contestedFlags: {
            rule: '-',
            disclosures: [],
            summary: { disclosures: 0, withContestedItems: 0, unflagged: 0 },
          },
          processingStatement: buildStatement(facts),
          declarationConformity: {
            format: 'concerto.declaration-conformity/1',
            ...head,
            rule: '-',
            declarations: [],
            mismatches: 0,
          },
          accessPermissions: {
            rule: '-',
            snapshot: { takenAt: AT.toISOString(), members: [], representatives: [], cases: [] },
          },
          refusedDisclosures: { rule: '-', events: [] },
        },
        ID,
      );
    },
  },
];

/** Every template rendered with the probe number, and whether each page's footer carries it. */
export async function inventoryTemplates(
  templates: readonly DocumentTemplate[] = DOCUMENT_TEMPLATES,
): Promise<Pick<TemplateInventory, 'probeNumber' | 'templates' | 'withoutRegisterNumber'>> {
  const rows: TemplateInventory['templates'] = [];
  for (const template of templates) {
    const pdf = await renderPdf(template.spec(PROBE_NUMBER));
    const { pages, present } = footerOnEveryPage(pdf, PROBE_NUMBER);
    rows.push({
      template: template.template,
      source: template.source,
      document: template.document,
      pages,
      registerNumberPresent: present,
    });
  }
  return {
    probeNumber: PROBE_NUMBER,
    templates: rows,
    withoutRegisterNumber: rows.filter((row) => !row.registerNumberPresent).length,
  };
}
