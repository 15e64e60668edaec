/** The organiser's minimisation review (SPEC PUR-04, DAT-16) as the web app uses it. */
import type {
  CatchAllReview,
  MinimisationReview,
  ReviewCatchAll,
} from '../../../../contracts/minimisation.js';
import { api } from '../../../app/api.js';

const casePath = (caseId: string, rest: string): string => `/api/cases/${encodeURIComponent(caseId)}${rest}`;

/** The report; running it is audited as a consult by the server. */
export const fetchMinimisationReview = (
  caseId: string,
  notAccessedForDays: string,
): Promise<MinimisationReview> =>
  api<MinimisationReview>(
    'GET',
    casePath(caseId, `/minimisation-review?${new URLSearchParams({ notAccessedForDays })}`),
  );

export const reviewCatchAllItem = (
  caseId: string,
  itemId: string,
  body: ReviewCatchAll,
): Promise<CatchAllReview> =>
  api<CatchAllReview>('POST', casePath(caseId, `/items/${encodeURIComponent(itemId)}/catch-all-review`), {
    body,
  });
