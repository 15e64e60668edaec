/**
 * Every response carries the request id that also appears in the logs and in problem
 * bodies, so a user's report can be matched to a log line without any personal data.
 * A caller-supplied id is kept only when it is a plain token (no log injection).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function generateRequestId(request: IncomingMessage): string {
  const supplied = request.headers['x-request-id'];
  return typeof supplied === 'string' && SAFE_ID.test(supplied) ? supplied : randomUUID();
}
