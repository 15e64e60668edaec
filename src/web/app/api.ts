/**
 * The one way the web app talks to the server: JSON over fetch, same origin. Every failure is
 * an `ApiError` carrying the RFC 9457 problem, so pages can say what went wrong in the user's
 * language. Every state-changing request carries the session's CSRF token (ASVS V3.5.1).
 */
import type { Problem } from '../../contracts/problem.js';
import { i18n } from '../i18n/index.js';

export class ApiError extends Error {
  constructor(
    /** The HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    readonly problem: Problem | undefined,
    /** From a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
  }

  /** The problem's stable code, `network` when unreachable, or `http_<status>`. */
  get code(): string {
    if (this.problem?.code) return this.problem.code;
    return this.status === 0 ? 'network' : `http_${this.status}`;
  }
}

let csrfToken: string | undefined;
let sessionLost: (() => void) | undefined;

/** Set from the session (login or GET /api/session); cleared when it ends. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when a request made with a session answers 401: the session ended on the server. */
export function onSessionLost(listener: (() => void) | undefined): void {
  sessionLost = listener;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** A request that may be made without a session: its 401 does not mean a session was lost. */
  anonymous?: boolean;
  /** A file sent as the raw body (e.g. a signed PDF), instead of `body` as JSON. */
  file?: { bytes: Blob; mediaType: string };
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

async function readProblem(response: Response): Promise<Problem | undefined> {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** Sends the request; an answer other than 2xx becomes an `ApiError`. */
async function send(
  method: string,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    accept,
    // Problem titles (and exported documents) in the language the user chose, not only the browser's.
    'accept-language': i18n.language,
  };
  // A body-less POST must not claim to be JSON: the server refuses an empty JSON body.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.mediaType;
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.file ? { body: options.file.bytes } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, undefined);
  }
  if (response.ok) return response;
  const retryAfter = Number(response.headers.get('retry-after'));
  const error = new ApiError(
    response.status,
    await readProblem(response),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
  if (response.status === 401 && !options.anonymous) sessionLost?.();
  throw error;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A file the server hands out (an export): its bytes and the name its Content-Disposition gives. */
export async function download(path: string): Promise<{ blob: Blob; filename: string | undefined }> {
  const response = await send('GET', path, {}, '*/*');
  const disposition = response.headers.get('content-disposition') ?? '';
  // RFC 6266: the plain `filename` is enough for the ASCII names the server gives.
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1];
  return { blob: await response.blob(), filename };
}
