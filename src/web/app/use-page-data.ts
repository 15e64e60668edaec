/**
 * What a page that loads its data once and reloads it after each action shares: the data (undefined
 * while loading), and `changed`, which reloads, says what was done in the status region
 * and moves the focus there, so that a screen reader hears it (WCAG 4.1.3).
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export interface PageData<T> {
  data: T | undefined;
  changed: (done: string) => Promise<void>;
  message: string | undefined;
  statusRef: RefObject<HTMLDivElement | null>;
}

export function usePageData<T>(load: (signal?: AbortSignal) => Promise<T>): PageData<T> {
  const [data, setData] = useState<T>();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      const loaded = await load(signal);
      if (!signal?.aborted) setData(loaded);
    },
    [load],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const changed = useCallback(
    async (done: string) => {
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  return { data, changed, message, statusRef };
}
