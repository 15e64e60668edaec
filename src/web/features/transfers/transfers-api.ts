/** The own-file transfers API (bill art. 4; SPEC FIL-05..09) as the web app uses it. */
import type { Attestation, Transfer, TransferList } from '../../../contracts/transfers.js';
import { api, download } from '../../app/api.js';

const path = (id: string, rest = ''): string => `/api/transfers/${encodeURIComponent(id)}${rest}`;

export const fetchTransfers = (signal?: AbortSignal): Promise<TransferList> =>
  api<TransferList>('GET', '/api/transfers', signal ? { signal } : {});

/** bill art. 4 al. 1 2°: the controller agrees, or not, to the copy of its item. */
export const decideTransferItem = (
  id: string,
  itemId: string,
  decision: 'approved' | 'refused',
): Promise<Transfer> =>
  api<Transfer>('POST', path(id, '/decisions'), { body: { decisions: [{ itemId, decision }] } });

export const attestTransfer = (id: string, body: Attestation): Promise<Transfer> =>
  api<Transfer>('POST', path(id, '/attestation'), { body });

/** PUR-06: a second member approves the export (a fresh second factor). */
export const approveFourEyes = (id: string): Promise<Transfer> =>
  api<Transfer>('POST', path(id, '/four-eyes'));

export const exportPath = (id: string, format: 'json' | 'pdf'): string => path(id, `/export/${format}`);

/** FIL-05 c-d: the approved items as JSON or PDF (a fresh second factor), each export registered. */
export const downloadExport = (id: string, format: 'json' | 'pdf') => download(exportPath(id, format));
