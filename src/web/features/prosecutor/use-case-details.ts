/**
 * The cases a part of the desk names, read as the office sees them: the names of the persons and
 * the items a restriction covers come from there. A case the office can no longer read is left
 * out; the desk then names its person by what the restriction says only.
 */
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../contracts/cases.js';
import { fetchCase } from '../cases/cases-api.js';

export function useCaseDetails(caseIds: readonly string[]): ReadonlyMap<string, CaseDetail> {
  const [details, setDetails] = useState<ReadonlyMap<string, CaseDetail>>(new Map());
  const key = [...new Set(caseIds)].sort().join(',');
  useEffect(() => {
    if (key === '') return;
    const controller = new AbortController();
    void Promise.allSettled(key.split(',').map((id) => fetchCase(id, controller.signal))).then((results) => {
      if (controller.signal.aborted) return;
      setDetails(
        new Map(
          results.flatMap((result) =>
            result.status === 'fulfilled' ? [[result.value.id, result.value] as const] : [],
          ),
        ),
      );
    });
    return () => controller.abort();
  }, [key]);
  return details;
}
