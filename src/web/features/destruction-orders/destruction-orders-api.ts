/** A court's erasure orders (L1992 art. 41 §1; SPEC PEN-16) as the retention desk of the web app uses them. */
import type {
  DestructionOrder,
  DestructionOrderList,
  RecordCourtErasureOrder,
} from '../../../contracts/destruction-orders.js';
import { api, download } from '../../app/api.js';

const orderPath = (orderId: string, rest: string): string =>
  `/api/destruction-orders/${encodeURIComponent(orderId)}${rest}`;

export const fetchCourtErasureOrders = (signal?: AbortSignal) =>
  api<DestructionOrderList>('GET', '/api/destruction-orders', signal ? { signal } : {});

/** The DPO records the court's order; nothing is destroyed before a second person executes it. */
export const recordCourtErasureOrder = (body: RecordCourtErasureOrder) =>
  api<DestructionOrder>('POST', '/api/destruction-orders', { body });

/** The second, distinct person executes it: the cases are destroyed and the certificate issued. */
export const executeCourtErasureOrder = (orderId: string) =>
  api<DestructionOrder>('POST', orderPath(orderId, '/execution'));

/** The signed destruction certificate (JSON: the document and its Ed25519 signature). */
export const downloadErasureCertificate = (orderId: string) => download(orderPath(orderId, '/certificate'));
