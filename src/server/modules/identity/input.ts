/** Shape checks of service input against the contract schemas, as field issues. */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { fieldIssues } from '../../kernel/field-issues.js';

/** One issue per refused field ("/body/name"), as the HTTP layer reports schema errors. */
export function shapeIssues(schema: TSchema, value: unknown, context = 'body'): FieldIssue[] {
  return fieldIssues(Value.Errors(schema, value), context);
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
