import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { fieldIssues } from './field-issues.js';

const Schema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    dpo: Type.Union([Type.Null(), Type.Object({ email: Type.String({ format: 'email' }) }, { additionalProperties: false })]),
  },
  { additionalProperties: false },
);

describe('fieldIssues', () => {
  it('names missing and unknown properties, not their parent object', () => {
    const issues = fieldIssues(Value.Errors(Schema, { dpo: null, colour: 'red' }));
    expect(issues).toHaveLength(2);
    expect(issues).toContainEqual({ field: '/body/colour', message: 'is not an accepted field' });
    expect(issues).toContainEqual({ field: '/body/name', message: 'is required' });
  });

  it('reports the issue inside a nullable object, not the union around it', () => {
    const issues = fieldIssues(Value.Errors(Schema, { name: 'x', dpo: { email: 'x', extra: 1 } }), 'query');
    const fields = issues.map((i) => i.field);
    expect(fields).toContain('/query/dpo/extra');
    expect(fields).not.toContain('/query/dpo');
  });
});
