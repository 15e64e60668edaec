/** Vitest global setup: one PostgreSQL and one migrated template for the whole run. */
import type { TestProject } from 'vitest/node';
import { type ClusterInfo, startTestCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: ClusterInfo;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide('testDb', { serverUrl: cluster.serverUrl, template: cluster.template, prefix: cluster.prefix });
  return () => cluster.stop();
}
