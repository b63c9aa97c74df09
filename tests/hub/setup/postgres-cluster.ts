import type { TestProject } from 'vitest/node';
import { startThrowAwayCluster, type ClusterAddress } from '../../../scripts/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throw-away PostgreSQL cluster of the hub suite. */
    hubPostgres: ClusterAddress;
  }
}

/**
 * Vitest global setup of the hub suite: one throw-away PostgreSQL cluster for the whole run, stopped and
 * removed when the run ends, and also when the process exits without reaching the teardown.
 */
export default function setup(project: TestProject): () => void {
  const cluster = startThrowAwayCluster();
  process.once('exit', cluster.stop);
  project.provide('hubPostgres', { socketFolder: cluster.socketFolder, port: cluster.port, user: cluster.user });
  return () => {
    process.off('exit', cluster.stop);
    cluster.stop();
  };
}
