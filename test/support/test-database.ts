/** Each test file gets its own database, cloned from the run's migrated template. */
import { inject } from 'vitest';
import { cloneDatabase, type TestDatabase } from './postgres-cluster.js';

export type { TestDatabase } from './postgres-cluster.js';
export { APP_ROLE as RUNTIME_ROLE } from '../../src/server/db/embedded-postgres.js';

export function createTestDatabase(): Promise<TestDatabase> {
  return cloneDatabase(inject('testDb'));
}
