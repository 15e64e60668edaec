import { describe, expect, it, vi } from 'vitest';

// The API client speaks the page's language: give it the little of a browser it reads. Node 21+
// has a read-only global `navigator` of its own, so it is stubbed rather than assigned.
vi.stubGlobal('navigator', { languages: ['en'] });
vi.stubGlobal('document', { documentElement: {}, title: '' });
const { ApiError } = await import('./api.js');
const { refusedFields } = await import('./form-fields.js');

const refusal = (...fields: string[]) =>
  new ApiError(400, {
    type: 'urn:concerto:problem:validation_failed',
    title: 'Invalid input',
    status: 400,
    code: 'validation_failed',
    errors: fields.map((field) => ({ field, message: 'is refused' })),
  });

const FIELDS = [
  { id: 'persons', paths: ['selection.personIds', 'selection'], message: 'Check the persons' },
  { id: 'items', paths: ['selection.itemIds'], message: 'Check the items' },
  { id: 'necessity', paths: ['necessityConfirmed'], message: 'Confirm the necessity' },
];

describe('refusedFields', () => {
  it("names each refused field once, in the form's order, from the body paths the server gives", () => {
    const error = refusal(
      '/body/necessityConfirmed',
      '/body/selection/itemIds/1',
      '/body/selection/itemIds/0',
    );
    expect(refusedFields(error, FIELDS)).toEqual([
      { id: 'items', message: 'Check the items' },
      { id: 'necessity', message: 'Confirm the necessity' },
    ]);
  });

  it('takes a path for its prefixes only at a segment boundary', () => {
    expect(refusedFields(refusal('/body/selection'), FIELDS).map((field) => field.id)).toEqual(['persons']);
    expect(refusedFields(refusal('/body/necessityConfirmedTwice'), FIELDS)).toEqual([]);
  });

  it('names no field for a refusal without field errors, or for anything but a refusal', () => {
    expect(refusedFields(new ApiError(409, undefined), FIELDS)).toEqual([]);
    expect(refusedFields(new Error('boom'), FIELDS)).toEqual([]);
  });
});
