import { useCallback, useEffect, useState } from 'react';
import type { Version } from '../../../contracts/system.js';

export type VersionState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; version: Version };

async function fetchVersion(signal?: AbortSignal): Promise<Version> {
  const response = await fetch('/api/version', { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`GET /api/version answered ${response.status}`);
  return (await response.json()) as Version;
}

/** Loads `GET /api/version` once on mount; `retry` loads it again after a failure. */
export function useVersion(): { state: VersionState; retry: () => void } {
  const [state, setState] = useState<VersionState>({ status: 'loading' });
  const load = useCallback(async (signal?: AbortSignal) => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', version: await fetchVersion(signal) });
    } catch {
      // An aborted request belongs to an unmounted page: nothing to report.
      if (!signal?.aborted) setState({ status: 'error' });
    }
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  return { state, retry: () => void load() };
}
