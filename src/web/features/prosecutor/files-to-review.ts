import type { CaseSummary } from '../../../contracts/cases.js';

/** WFL-02: the police drafts the office reviews, still under evaluation. */
export const filesToReview = (cases: readonly CaseSummary[]): CaseSummary[] =>
  cases.filter((kase) => kase.relation === 'reviewer' && kase.state === 'under_evaluation');
