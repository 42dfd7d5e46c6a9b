/**
 * Benchmark. Stack: the authorization server in-process over a seeded store (SQLite, and Redis
 * when it answers), loopback HTTP only, bounded request counts. Measures what sits on the hot
 * path: introspection of an active opaque token (every uncached MCP request) and a
 * refresh-token rotation (every session renewal).
 * Run: `pnpm --filter @gatehouse/e2e bench`.
 */
import {
  authorize,
  exchangeCode,
  introspect,
  registerClient,
  tokenRequest,
} from '../support/oauth-flow.js';
import {
  type Backend,
  DEMO_PASSWORD,
  isRedisAvailable,
  openTestStore,
  startAuthorizationServer,
} from '../support/stack.js';
import { type Measurement, measure } from './measure.js';

const TOTAL_REQUESTS = 2_000;
const CONCURRENCY = 16;

async function benchBackend(backend: Backend): Promise<Measurement[]> {
  const testStore = await openTestStore(backend);
  const as = await startAuthorizationServer(testStore.store);
  try {
    const client = await registerClient(as.url);
    const outcome = await authorize({
      issuer: as.url,
      client,
      scope: 'read:jira-work',
      user: { email: 'alice@example.com', password: DEMO_PASSWORD },
    });
    const tokens = await exchangeCode(as.url, client, outcome);
    const introspection = await measure(
      `${backend}: introspect an active access token`,
      async () => {
        const { body } = await introspect(as.url, tokens.access_token, as.introspectionClient);
        if (body.active !== true) throw new Error('token went inactive');
      },
      { total: TOTAL_REQUESTS, concurrency: CONCURRENCY },
    );
    let refreshToken = tokens.refresh_token ?? '';
    const rotation = await measure(
      `${backend}: rotate a refresh token (sequential by nature)`,
      async () => {
        const { status, body } = await tokenRequest(as.url, {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: client.client_id,
        });
        if (status !== 200) throw new Error(`refresh failed: ${JSON.stringify(body)}`);
        refreshToken = String(body.refresh_token);
      },
      { total: TOTAL_REQUESTS / 4, concurrency: 1 },
    );
    return [introspection, rotation];
  } finally {
    await as.close();
    await testStore.dispose();
  }
}

const backends: Backend[] = ['sqlite', ...((await isRedisAvailable()) ? (['redis'] as const) : [])];
const results: Measurement[] = [];
for (const backend of backends) results.push(...(await benchBackend(backend)));
console.table(results);
