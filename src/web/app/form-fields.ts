/**
 * Which field of a form a refused body field names. A form lists its fields in page order, each
 * with the body paths it answers for (dotted, as `fieldProblems` gives them: "selection.itemIds"
 * answers for "selection.itemIds.2" too); the summary lists them in that order, each a link.
 */
import { fieldProblems } from './field-problems.js';

export interface FormField {
  /** The id of the control the summary links to. */
  id: string;
  /** The body paths this field answers for. */
  paths: readonly string[];
  /** What the user must correct, in their language. */
  message: string;
}

export interface FieldError {
  id: string;
  message: string;
}

const answers = (path: string, name: string): boolean => name === path || name.startsWith(`${path}.`);

/**
 * The fields the refusal names, once each, in the form's order. A body path belongs to the field
 * whose path names it most closely ("selection.itemIds.0" to the items, not to "selection").
 */
export function refusedFields(error: unknown, fields: readonly FormField[]): FieldError[] {
  const named = new Set<string>();
  for (const name of fieldProblems(error).keys()) {
    let best: { id: string; length: number } | undefined;
    for (const field of fields) {
      for (const path of field.paths) {
        if (answers(path, name) && path.length > (best?.length ?? -1))
          best = { id: field.id, length: path.length };
      }
    }
    if (best) named.add(best.id);
  }
  return fields.filter((field) => named.has(field.id)).map(({ id, message }) => ({ id, message }));
}

/** The message of field `id`, if the refusal named it. */
export function errorOf(errors: readonly FieldError[], id: string): string | undefined {
  return errors.find((error) => error.id === id)?.message;
}
