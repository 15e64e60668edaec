/**
 * PEN-21 (CP art. 458ter §2 al. 1 → art. 458: a breach of the consultation's secrecy is punished as
 * one of professional secrecy): a leaked copy is traced back to its export. Every PDF Concerto
 * renders carries a watermark naming who exported it and when (SPEC SEC-14), e.g. the own-file
 * export's "OCMW Gent · <user id> · 2026-03-02T09:00:00.000Z"; the export register (FIL-08) keeps
 * the same user and instant, and the file's SHA-256. Pure: reading a watermark.
 */
export const LEAK_TRACE_RULE = 'CP art. 458ter §2 al. 1 and art. 458; SEC-14 watermarks (SPEC PEN-21)';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z\b/;

/**
 * The user and the instant a watermark names, whatever the order of its parts (the templates put
 * the organisation or the user first), or undefined when it names no user id and no valid instant.
 */
export function readWatermark(text: string): { userId: string; at: Date } | undefined {
  const userId = UUID.exec(text)?.[0]?.toLowerCase();
  const instant = INSTANT.exec(text)?.[0];
  if (!userId || !instant) return undefined;
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? undefined : { userId, at };
}
