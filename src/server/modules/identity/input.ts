/** Shape checks of service input against the contract schemas, as field issues. */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';

/** One issue per refused field ("/body/name"), as the HTTP layer reports schema errors. */
export function shapeIssues(schema: TSchema, value: unknown, context = 'body'): FieldIssue[] {
  const byField = new Map<string, string>();
  for (const error of Value.Errors(schema, value)) {
    const base = `/${context}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    const names = (key: string) => (Array.isArray(params[key]) ? (params[key] as string[]) : []);
    if (error.keyword === 'additionalProperties') {
      for (const name of names('additionalProperties'))
        byField.set(`${base}/${name}`, 'is not an accepted field');
    } else if (error.keyword === 'required') {
      for (const name of names('requiredProperties')) byField.set(`${base}/${name}`, 'is required');
    } else if (error.keyword !== 'boolean' && !byField.has(base)) {
      byField.set(base, error.message);
    }
  }
  // A nullable object reports its own "anyOf" besides the real issue inside it: keep the inner one.
  const fields = [...byField.keys()];
  return [...byField]
    .filter(([field]) => !fields.some((other) => other.startsWith(`${field}/`)))
    .map(([field, message]) => ({ field, message }));
}

/** Bad input is refused whole, naming every field (ARCHITECTURE §3.7). */
export function refuseIfAny(fields: FieldIssue[], rule?: string): void {
  if (fields.length > 0) {
    throw new DomainError('validation_failed', {
      detail: 'The input is invalid',
      fields,
      ...(rule && { rule }),
    });
  }
}
