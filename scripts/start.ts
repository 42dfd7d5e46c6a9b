/**
 * `pnpm start`: both servers in one process on one store (SQLite in ./data unless REDIS_URL is
 * set), the demo org seeded on first start, and a banner with the URLs and demo logins.
 * `pnpm start:as` / `pnpm start:mcp` run one app each, for several instances on one Redis.
 */
import { listenAuthorizationServer, parseAsConfig } from '@gatehouse/authorization-server';
import { listenMcpServer, parseMcpConfig } from '@gatehouse/mcp-server';
import { createLogger, openStore, runMain, type Started } from '@gatehouse/server-kit';
import { DEMO_USERS, seedDemoOrg } from '@gatehouse/workspace';

/** What to say about the demo password: it is set once, when the seed first runs. */
function demoPasswordNote(seededNow: boolean, password: string | undefined): string {
  if (!seededNow) return 'the password they were given at first start';
  return password === 'demo-password'
    ? 'password: demo-password'
    : 'password: the DEMO_PASSWORD you set';
}

/** Both apps on one store and one logger, then the banner; stopped together. */
async function start(): Promise<Started> {
  const asConfig = parseAsConfig();
  const mcpConfig = parseMcpConfig();
  const logger = createLogger({ level: asConfig.logLevel, name: 'gatehouse' });
  const store = await openStore(asConfig, logger);
  const seed =
    asConfig.demoPassword === undefined
      ? undefined
      : await seedDemoOrg(
          { records: store.records, users: store.users },
          { password: asConfig.demoPassword },
        );
  const as = await listenAuthorizationServer(asConfig, {
    store,
    logger: logger.child({ app: 'authorization-server' }),
  });
  const mcp = await listenMcpServer(mcpConfig, {
    store,
    logger: logger.child({ app: 'mcp-server' }),
  });

  const logins = Object.values(DEMO_USERS)
    .map((user) => `      ${user.email}${user.role === 'admin' ? '  (org admin)' : ''}`)
    .join('\n');
  console.log(`
  Gatehouse is running (${store.backend} store)

    Authorization server   ${as.url}
    MCP endpoint           ${mcp.url}
    Your account           ${as.url}/account
    Admin console          ${as.url}/admin
${
  seed === undefined
    ? ''
    : `
    Demo logins (${demoPasswordNote(seed.seeded, asConfig.demoPassword)})
${logins}
`
}
  Point an MCP client at ${mcp.url} to connect. Ctrl+C stops both servers.
`);

  return {
    async stop() {
      await Promise.allSettled([as.close(), mcp.close()]);
      await store.close();
    },
  };
}

void runMain({ failureMessage: 'Gatehouse could not start:', start });
