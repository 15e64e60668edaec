/**
 * A norm checklist as the page shows it (SPEC SEC-04): a published file read as the norm set it
 * should be, and the controls grouped by status, in the order of CONTROL_STATUSES, each group in
 * the norm set's own order. The shape is checked by the server, which names each wrong field.
 */
import { CONTROL_STATUSES, type ControlStatus, type NormControl } from '../../../contracts/compliance.js';

export type ParsedFile = { ok: true; value: unknown } | { ok: false };

/** The file's JSON; anything else is refused here, before it is sent. */
export function parseNormSetFile(text: string): ParsedFile {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ok: true, value }
      : { ok: false };
  } catch {
    return { ok: false };
  }
}

export interface ControlGroup {
  status: ControlStatus;
  controls: NormControl[];
}

/** The statuses that have controls, each with its controls by position; empty groups are left out. */
export function controlsByStatus(controls: readonly NormControl[]): ControlGroup[] {
  return CONTROL_STATUSES.map((status) => ({
    status,
    controls: controls.filter((control) => control.status === status).sort((a, b) => a.position - b.position),
  })).filter((group) => group.controls.length > 0);
}
