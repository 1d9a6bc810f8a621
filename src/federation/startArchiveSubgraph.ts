import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildArchiveSchema } from './archiveSubgraph';

/** A running example archive subgraph. */
export interface RunningSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves the example archive subgraph on `host:port` (0 picks a free port). */
export async function startArchiveSubgraph(port: number, host = '127.0.0.1'): Promise<RunningSubgraph> {
  const server = new ApolloServer({ schema: buildArchiveSchema() });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  return { url, stop: () => server.stop() };
}
