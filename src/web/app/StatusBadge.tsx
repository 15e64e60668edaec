/** The levels a compliance status takes (SPEC SCO-12 indicators, PRC-02 processor records). */
export type StatusLevel = 'green' | 'amber' | 'red';

/**
 * A status in words first: `label` names the level and what it means ("Red – action needed");
 * the colour only repeats it (WCAG 1.4.1: colour is never the only means of conveying it).
 */
export function StatusBadge({ level, label }: { level: StatusLevel; label: string }) {
  return <strong className={`badge badge--${level}`}>{label}</strong>;
}
