/**
 * Minimal HTTP client for the Vault / OpenBao transit secrets engine (both speak the same
 * documented API: `/v1/<mount>/...`, token in the X-Vault-Token header, JSON bodies, answers
 * `{ data }` or `{ errors: [...] }`). The token is a bearer secret for every case key: it is
 * never put into an error message, even if a server were to echo it.
 */
export interface VaultConnection {
  readonly addr: string;
  readonly token: string;
  readonly mount: string;
  /** Per-request time limit; a hung Vault must not hang a service transaction. */
  readonly timeoutMs?: number;
}

export class VaultRequestError extends Error {
  constructor(
    readonly status: number,
    operation: string,
    readonly errors: readonly string[],
  ) {
    super(
      `Vault ${operation} failed with HTTP ${status}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`,
    );
    this.name = 'VaultRequestError';
  }

  /**
   * Vault answers a missing transit key with 404 on reads but 400 on writes, worded
   * "encryption key not found", "key not found", "no existing key named … could be found"
   * or "could not delete key; not found".
   */
  get keyMissing(): boolean {
    return (
      this.status === 404 ||
      (this.status === 400 && this.errors.some((e) => /not found|no existing key/i.test(e)))
    );
  }
}

export type VaultMethod = 'GET' | 'POST' | 'DELETE';

export interface VaultTransitClient {
  /** `path` is relative to the mount, e.g. "keys/name". Returns the `data` member, if any. */
  request<T>(method: VaultMethod, path: string, body?: object): Promise<T | undefined>;
}

function errorStrings(payload: unknown): string[] {
  const errors = (payload as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors.filter((e): e is string => typeof e === 'string') : [];
}

export function createVaultTransitClient(connection: VaultConnection): VaultTransitClient {
  const base = `${connection.addr.replace(/\/+$/, '')}/v1/${connection.mount.replace(/^\/+|\/+$/g, '')}`;
  const redact = (text: string) => (connection.token ? text.split(connection.token).join('[token]') : text);

  return {
    async request<T>(method: VaultMethod, path: string, body?: object): Promise<T | undefined> {
      const operation = `${method} /v1/${connection.mount}/${path}`;
      let response: Response;
      try {
        response = await fetch(`${base}/${path}`, {
          method,
          headers: {
            'X-Vault-Token': connection.token,
            ...(body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(connection.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new Error(
          `Vault at ${connection.addr} is unreachable for ${operation}: ${redact((error as Error).message)}`,
        );
      }
      const text = await response.text();
      let payload: unknown;
      try {
        payload = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new VaultRequestError(response.status, operation, ['answer is not JSON']);
      }
      if (!response.ok)
        throw new VaultRequestError(response.status, operation, errorStrings(payload).map(redact));
      return (payload as { data?: T } | undefined)?.data;
    },
  };
}
