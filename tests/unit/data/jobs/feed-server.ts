// A real HTTP server on a loopback port for the feed tests: each path answers with a fixed status and body.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  body?: string;
  /** Never answer, to exercise the feed timeout. */
  hang?: boolean;
}

export interface FeedServer {
  url(path: string): string;
  /** How many requests each path received. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Route>): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route?.hang) return;
    response.writeHead(route?.status ?? (route ? 200 : 404), { 'content-type': 'application/json' });
    response.end(route?.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid feed entry; tests override fields to make it invalid in one specific way. */
export function feedRole(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'feed-risk-analyst-london',
    title: 'Operational Risk Analyst',
    employer: 'Example Feed Employer',
    location: 'London',
    function: 'Risk',
    seniority: 'Analyst',
    employmentType: 'Full-time',
    postedDate: '2026-11-20',
    closingDate: '2027-02-01',
    applyUrl: 'https://feed-employer.example/jobs/op-risk-analyst',
    description:
      'Records and reviews operational incidents for the trading floor, runs the quarterly risk and control self-assessment and reports trends to the risk committee.',
    ...overrides,
  };
}
