import { parseArgs } from 'node:util';
import { createLogger, openStore } from '@gatehouse/server-kit';
import { createAuditWriter } from '../audit/audit-writer.js';
import { ConfigError, parseAsConfig } from '../env.js';
import { addUser, setUserDisabled, UserInputError } from './manage-users.js';

const USAGE = `Usage:
  pnpm users add --email <email> --name <name> [--role admin|member]   (password on stdin)
  pnpm users disable --email <email>
  pnpm users enable --email <email>
  pnpm users list

Uses the authorization server's store (DATA_DIR / REDIS_URL, ORG_ID, AUDIT_CHAIN_KEY).
Example: printf '%s' "$PASSWORD" | pnpm users add --email ada@example.com --name "Ada" --role admin
In the Docker image, run node apps/authorization-server/dist/users/users-cli.js instead of pnpm users.`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserInputError('password: pipe it on standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const command = positionals[0];
  if (command === undefined || !['add', 'disable', 'enable', 'list'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = parseAsConfig();
  const logger = createLogger({ level: 'warn', name: 'users-cli' });
  const store = await openStore(config, logger);
  const deps = { store, audit: createAuditWriter(store, logger), orgId: config.orgId };
  try {
    if (command === 'list') {
      for (const user of await store.users.listByOrg(config.orgId)) {
        console.log(
          `${user.email}\t${user.role}${user.disabled ? '\tdisabled' : ''}\t${user.name}`,
        );
      }
      return 0;
    }
    const email = values.email ?? '';
    if (command === 'add') {
      const role = (values.role ?? 'member') as 'admin' | 'member';
      const user = await addUser(deps, {
        email,
        name: values.name ?? '',
        role,
        password: await readStdin(),
      });
      console.log(`Created ${user.email} (${user.role}).`);
      return 0;
    }
    const user = await setUserDisabled(deps, email, command === 'disable');
    console.log(`${user.email} is ${user.disabled ? 'disabled' : 'enabled'}.`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UserInputError || error instanceof ConfigError)
      console.error(error.message);
    else if (error instanceof TypeError && 'code' in error)
      console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`Could not manage users: ${String(error)}`);
    process.exit(error instanceof UserInputError ? 1 : 2);
  },
);
