import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('safeNext', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNext('/sessions')).toBe('/sessions');
    expect(safeNext('/undertaking?next=%2Fsessions')).toBe('/undertaking?next=%2Fsessions');
  });

  it.each(['//evil.example', '/\\evil.example', '/a\\b', 'https://evil.example/', 'javascript:alert(1)', ''])(
    'refuses %j, which could leave the app, and goes home instead',
    (value) => {
      expect(safeNext(value)).toBe('/');
    },
  );

  it('goes to the fallback without a parameter', () => {
    expect(safeNext(null, '/sessions')).toBe('/sessions');
  });
});
