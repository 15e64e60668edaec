/**
 * The royal decrees of the organisation acting on a case and the prior written notices it gave
 * the case's persons (SPEC DAT-32, DAT-33), loaded in the use case's transaction.
 */
import type { PersonPriorNotice } from '../../../contracts/prior-notices.js';
import type { Tx } from '../../db/database.js';
import {
  type DecreePeriod,
  priorNoticeDecree,
  type SexLifeStanding,
  sexLifeStanding,
} from '../identity/royal-decree-rules.js';
import type { PriorNoticeRow } from './prior-notices.repository.js';
import type { RecordsRepository } from './records.repository.js';

export interface OrganisationDecreeFacts {
  /** L1992 art. 8 §5: the decree in force that calls for prior written notice, if any. */
  noticeDecree: (DecreePeriod & { id: string }) | undefined;
  /** The notices the organisation gave persons of the case, by person. */
  notices: ReadonlyMap<string, PriorNoticeRow>;
  /** L2007 art. 6 §3. */
  sexLife: SexLifeStanding;
}

export async function decreeFactsOf(
  tx: Tx,
  records: RecordsRepository,
  caseId: string,
  organisationId: string,
  today: string,
): Promise<OrganisationDecreeFacts> {
  const decrees = await records.decreesOf(tx, organisationId);
  const noticeDecree = priorNoticeDecree(decrees, today);
  // Only an organisation that holds or held such a decree gave notices (most never did).
  const notices = decrees.some((decree) => decree.kind === 'judicial_data_prior_notice')
    ? await records.priorNoticesOf(tx, caseId, organisationId)
    : [];
  return {
    noticeDecree,
    notices: new Map(notices.map((notice) => [notice.person_id, notice])),
    sexLife: sexLifeStanding(decrees, today),
  };
}

/**
 * What a person card shows the organisation of its prior written notice: nothing when no decree
 * calls for one (an ended decree calls for none), the notice recorded, or `due`.
 */
export function priorNoticeOf(facts: OrganisationDecreeFacts): (personId: string) => PersonPriorNotice {
  return (personId) => {
    const notice = facts.notices.get(personId);
    if (notice) return { due: false, sentOn: notice.sent_on, method: notice.method };
    return facts.noticeDecree ? { due: true, sentOn: null, method: null } : null;
  };
}
