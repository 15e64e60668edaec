/**
 * The art. 7 flags of the case's items (SPEC RGT-RST-08), read again whenever the case is: each
 * covered item with its flag, and what went wrong reading them.
 */
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../contracts/cases.js';
import { fetchRestrictionFlags } from '../../prosecutor/prosecutor-api.js';
import type { RestrictionFlag } from './RestrictionFlagBadge.js';

export function useRestrictionFlags(kase: CaseDetail): {
  flags: ReadonlyMap<string, RestrictionFlag>;
  failure: unknown;
} {
  const [flags, setFlags] = useState<ReadonlyMap<string, RestrictionFlag>>(new Map());
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    const controller = new AbortController();
    fetchRestrictionFlags(kase.id, controller.signal).then(
      (list) => {
        setFlags(new Map(list.map((flag) => [flag.itemId, flag])));
        setFailure(undefined);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setFailure(error);
      },
    );
    return () => controller.abort();
  }, [kase]);
  return { flags, failure };
}
