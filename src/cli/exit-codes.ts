/** Exit codes that scripts can rely on (documented in the README). */
export const EXIT = {
  ok: 0,
  /** A check failed: audit verification, doctor finding a problem. */
  checkFailed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** The environment is invalid (names the variable). */
  config: 3,
  /** The database, data directory, keys or port could not be used. */
  startup: 4,
  /** The command refused to act on this database (e.g. `demo` on a database that is not a demo). */
  refused: 5,
} as const;
