/**
 * The environment of the `concerto` processes of the browser journeys: the server the global setup
 * starts, and the commands a journey runs beside it on the same data directory, as an operator would.
 */
export function concertoEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONCERTO_DATA_DIR: dataDir,
    PORT: String(port),
    // WebAuthn accepts only this origin (config.ts), so the browser must use this very URL.
    CONCERTO_PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'warn',
  };
  // Without a database URL Concerto runs its own embedded PostgreSQL: the default under test.
  delete env.DATABASE_URL;
  delete env.DATABASE_ADMIN_URL;
  // Run as `npm start` would, not in the test mode Vitest sets for its own process.
  delete env.NODE_ENV;
  return env;
}
