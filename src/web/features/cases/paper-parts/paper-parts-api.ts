/** The register of a case's paper parts (SPEC SCO-09) as the web app uses it. */
import type {
  ConfirmDestruction,
  PaperPart,
  PaperPartList,
  RegisterPaperPart,
  UpdatePaperPart,
} from '../../../../contracts/paper-parts.js';
import { api } from '../../../app/api.js';

const paperPath = (caseId: string, rest = ''): string =>
  `/api/cases/${encodeURIComponent(caseId)}/paper-parts${rest}`;
const partPath = (caseId: string, paperPartId: string, rest = ''): string =>
  paperPath(caseId, `/${encodeURIComponent(paperPartId)}${rest}`);

export async function fetchPaperParts(caseId: string, signal?: AbortSignal): Promise<PaperPart[]> {
  return (await api<PaperPartList>('GET', paperPath(caseId), signal ? { signal } : {})).paperParts;
}

export const registerPaperPart = (caseId: string, body: RegisterPaperPart): Promise<PaperPart> =>
  api<PaperPart>('POST', paperPath(caseId), { body });

export const updatePaperPart = (
  caseId: string,
  paperPartId: string,
  body: UpdatePaperPart,
): Promise<PaperPart> => api<PaperPart>('PUT', partPath(caseId, paperPartId), { body });

export const sharePaperPart = (caseId: string, paperPartId: string): Promise<PaperPart> =>
  api<PaperPart>('POST', partPath(caseId, paperPartId, '/sharing'));

/** The named user is the one signed in: the server records who confirmed, and when. */
export const confirmPaperPartDestruction = (
  caseId: string,
  paperPartId: string,
  body: ConfirmDestruction,
): Promise<PaperPart> => api<PaperPart>('POST', partPath(caseId, paperPartId, '/destruction'), { body });
