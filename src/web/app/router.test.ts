import { describe, expect, it } from 'vitest';

// The router listens to popstate on import: give it a window to listen on.
Object.assign(globalThis, {
  window: { addEventListener: () => undefined, location: { pathname: '/', search: '' } },
});
const { matchPath } = await import('./router.js');

describe('matchPath', () => {
  it('names the id of a page path', () => {
    expect(matchPath('/cases/:caseId', '/cases/0b6c1c9e-2d2a-4b8e-9a51-6a1f0c2b7d11')).toEqual({
      caseId: '0b6c1c9e-2d2a-4b8e-9a51-6a1f0c2b7d11',
    });
    expect(matchPath('/cases/new', '/cases/new')).toEqual({});
  });

  it.each(['/cases', '/cases/', '/cases/a/b', '/consultations/a', '/cases/%E0%A4%A'])(
    'matches no other path: %s',
    (path) => {
      expect(matchPath('/cases/:caseId', path)).toBeUndefined();
    },
  );
});
