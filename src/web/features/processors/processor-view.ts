/**
 * What approval of a processor record needs, as a checklist (L2007 art. 16 §1 1°-5°, §4; SPEC
 * PRC-01..PRC-05, PRC-07): every element the article asks for, in its order, met or missing as the
 * server's `missingForApproval` says. A missing element the page does not know is listed with the
 * server's words, never left out.
 */
import type { ProcessorRecord } from '../../../contracts/processors.js';

/** The elements approval checks (processors/processor-rules.ts), as `/record/<field>` paths name them. */
export const APPROVAL_ELEMENTS = [
  'guarantees',
  'contract/reference',
  'contract/securityAnnexReference',
  'contract/liabilityClause',
  'contract/instructionClause',
  'contract/securityObligationsClause',
  'documents/contract',
  'documents/security_annex',
  'documents/security_plan',
] as const;
export type ApprovalElement = (typeof APPROVAL_ELEMENTS)[number];

/** The translation key of an element ("contract/reference" → "contract_reference"). */
type KeyOf<E extends string> = E extends `${infer A}/${infer B}` ? `${A}_${B}` : E;
export type ApprovalElementKey = KeyOf<ApprovalElement>;
export const elementKey = (element: ApprovalElement): ApprovalElementKey =>
  element.replace('/', '_') as ApprovalElementKey;

export type ChecklistEntry =
  | { kind: 'element'; element: ApprovalElement; met: boolean }
  | { kind: 'other'; field: string; message: string };

/** Only the host must link its security plan (art. 16 §4; SPEC PRC-07). */
const appliesTo = (element: ApprovalElement, role: ProcessorRecord['role']): boolean =>
  element !== 'documents/security_plan' || role === 'host';

export function approvalChecklist(
  record: Pick<ProcessorRecord, 'role' | 'missingForApproval'>,
): ChecklistEntry[] {
  const missing = new Set(record.missingForApproval.map((issue) => issue.field.replace(/^\/record\//, '')));
  const known: ChecklistEntry[] = APPROVAL_ELEMENTS.filter((element) => appliesTo(element, record.role)).map(
    (element) => ({ kind: 'element', element, met: !missing.has(element) }),
  );
  const others: ChecklistEntry[] = record.missingForApproval
    .filter(
      (issue) => !(APPROVAL_ELEMENTS as readonly string[]).includes(issue.field.replace(/^\/record\//, '')),
    )
    .map((issue) => ({
      kind: 'other',
      field: issue.field.replace(/^\/record\//, ''),
      message: issue.message,
    }));
  return [...known, ...others];
}
