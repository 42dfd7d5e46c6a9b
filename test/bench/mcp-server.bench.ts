/**
 * Benchmark. Stack: both servers in-process over one seeded store (SQLite, and Redis when it
 * answers), loopback HTTP only, bounded request counts. Measures the MCP hot path with a real
 * OAuth access token: `tools/list` and a read tool call, with the introspection cache on (the
 * normal case) and off (every request introspects at the authorization server), and the
 * process's memory growth over the run.
 * Run: `pnpm --filter @gatehouse/e2e bench:mcp`.
 */
import { authorize, exchangeCode, registerClient } from '../support/oauth-flow.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  startStack,
  testMcpConfig,
} from '../support/stack.js';
import { type Measurement, measure } from './measure.js';

const TOTAL_REQUESTS = 2_000;
const CONCURRENCY = 16;

function rpc(url: string, token: string, method: string, params: object) {
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    if (response.status !== 200) throw new Error(`${method}: HTTP ${response.status}`);
    await response.arrayBuffer();
  };
}

async function benchBackend(backend: Backend, cached: boolean): Promise<Measurement[]> {
  const testStore = await openTestStore(backend);
  const cache = cached
    ? undefined
    : { cache: { ...testMcpConfig().cache, activeTtlSeconds: 0, inactiveTtlSeconds: 0 } };
  const stack = await startStack(testStore.store, cache === undefined ? {} : { mcpConfig: cache });
  try {
    const client = await registerClient(stack.as.url);
    const outcome = await authorize({
      issuer: stack.as.url,
      client,
      scope: 'read:jira-work read:me',
      resource: stack.mcpUrl,
      user: { email: 'alice@example.com', password: DEMO_PASSWORD },
    });
    const { access_token: token } = await exchangeCode(stack.as.url, client, outcome);
    const label = `${backend}, cache ${cached ? 'on' : 'off'}`;
    const options = { total: TOTAL_REQUESTS, concurrency: CONCURRENCY };
    return [
      await measure(
        `${label}: tools/list, one at a time`,
        rpc(stack.mcpUrl, token, 'tools/list', {}),
        {
          total: TOTAL_REQUESTS / 4,
          concurrency: 1,
        },
      ),
      await measure(`${label}: tools/list`, rpc(stack.mcpUrl, token, 'tools/list', {}), options),
      await measure(
        `${label}: tools/call getJiraIssue`,
        rpc(stack.mcpUrl, token, 'tools/call', {
          name: 'getJiraIssue',
          arguments: { issueIdOrKey: 'OPS-1' },
        }),
        options,
      ),
    ];
  } finally {
    await stack.close();
    await testStore.dispose();
  }
}

const rssBefore = process.memoryUsage().rss;
const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const results: Measurement[] = [];
for (const backend of backends) {
  results.push(...(await benchBackend(backend, false)));
  results.push(...(await benchBackend(backend, true)));
}
console.table(results);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
console.log(
  `RSS ${mib(rssBefore)} MiB before, ${mib(process.memoryUsage().rss)} MiB after ${results.length * TOTAL_REQUESTS} requests`,
);
