/**
 * The IT-security norm checklists of a controller (SPEC SEC-04; L2007 art. 16 §4 al. 3, L1992 art.
 * 16 §3 al. 3: "Sur avis de la Commission de la protection de la vie privée, le Roi peut édicter des
 * normes appropriées en matière de sécurité informatique"). A norm set is imported as published,
 * each control once; every control starts "to assess", and an assessment says how the control is
 * met or why it is not.
 */
import type { ImportNormSet } from '../../../contracts/compliance.js';
import type { FieldIssue } from '../../kernel/errors.js';

export const NORM_CHECKLIST_RULE = 'L2007 art. 16 §4 al. 3 (SPEC SEC-04)';

/** Each control of the set once: a checklist tracks one status per control. */
export function normSetIssues(input: ImportNormSet): FieldIssue[] {
  const seen = new Map<string, number>();
  const issues: FieldIssue[] = [];
  input.controls.forEach((control, index) => {
    const code = control.code.trim();
    const first = seen.get(code);
    if (first === undefined) seen.set(code, index);
    else
      issues.push({ field: `/body/controls/${index}/code`, message: `repeats the code of control ${first}` });
  });
  return issues;
}
