import { ApiError } from './api.js';

/**
 * The fields a refused request names (RFC 9457 `errors`, e.g. "/body/legalMission/citation"),
 * as dotted names relative to the body ("legalMission.citation"), with the server's message.
 * Pages say each in the user's language from the name; the message is the server's English.
 */
export function fieldProblems(error: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (!(error instanceof ApiError)) return fields;
  for (const issue of error.problem?.errors ?? []) {
    const name = issue.field.replace(/^\/body\/?/, '').replaceAll('/', '.');
    if (name !== '' && !fields.has(name)) fields.set(name, issue.message);
  }
  return fields;
}
