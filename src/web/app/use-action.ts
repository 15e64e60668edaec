import { useCallback, useRef, useState } from 'react';

/**
 * One action at a time on a part of a page: while it runs the part is busy, and what went wrong
 * is kept for the part's alert. Resolves with whether the action succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setFailure(undefined), []);
  return { busy, failure, run, reset };
}
