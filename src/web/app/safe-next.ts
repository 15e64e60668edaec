/**
 * Where to go after login, from a `?next=` parameter anyone can write: only a path of this app,
 * so the login page is no open redirect. Browsers read `//host` and `/\host` as another origin.
 */
export function safeNext(value: string | null, fallback = '/'): string {
  return value && /^\/(?![/\\])/.test(value) && !value.includes('\\') ? value : fallback;
}
