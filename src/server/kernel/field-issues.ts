/**
 * Schema errors (TypeBox, Ajv-shaped) → one issue per refused field, named as the HTTP API
 * names them ("/body/name"). Used by the HTTP layer for request validation and by services
 * that check their input against the same contract schemas, so both speak alike.
 */
import type { FieldIssue } from './errors.js';

export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: unknown;
  message?: string;
}

export function fieldIssues(errors: Iterable<SchemaError>, context = 'body'): FieldIssue[] {
  const byField = new Map<string, string>();
  for (const error of errors) {
    const base = `/${context}${error.instancePath}`;
    const params = (error.params ?? {}) as Record<string, unknown>;
    const names = (key: string) => (Array.isArray(params[key]) ? (params[key] as string[]) : []);
    // TypeBox reports a missing or unknown property on the parent object: name the property.
    if (error.keyword === 'additionalProperties') {
      for (const name of names('additionalProperties')) byField.set(`${base}/${name}`, 'is not an accepted field');
    } else if (error.keyword === 'required') {
      for (const name of names('requiredProperties')) byField.set(`${base}/${name}`, 'is required');
    } else if (error.keyword !== 'boolean' && !byField.has(base)) {
      byField.set(base, error.message ?? 'is invalid');
    }
  }
  // A union (e.g. a nullable object) reports itself besides the real issue inside it: keep the inner one.
  const fields = [...byField.keys()];
  return [...byField]
    .filter(([field]) => !fields.some((other) => other.startsWith(`${field}/`)))
    .map(([field, message]) => ({ field, message }));
}
