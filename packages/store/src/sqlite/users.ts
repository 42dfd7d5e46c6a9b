import type { User, UserStore } from '../contract.js';
import { normalizeEmail } from '../email.js';
import { ConflictError } from '../errors.js';
import { checkKeyParts, parseOrThrow, userSchema } from '../validation.js';
import { isUniqueViolation, type SqliteDatabase } from './open-database.js';

interface UserRow {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: User['role'];
  password_hash: string;
  created_at: number;
  disabled: number;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    disabled: row.disabled === 1,
  };
}

/** Users over the `users` table; the UNIQUE email column enforces one owner per email. */
export function createSqliteUsers(db: SqliteDatabase): UserStore {
  const put = db.prepare(`
    INSERT INTO users (id, org_id, email, name, role, password_hash, created_at, disabled)
    VALUES (@id, @orgId, @email, @name, @role, @passwordHash, @createdAt, @disabled)
    ON CONFLICT (id) DO UPDATE SET
      org_id = excluded.org_id, email = excluded.email, name = excluded.name,
      role = excluded.role, password_hash = excluded.password_hash,
      created_at = excluded.created_at, disabled = excluded.disabled`);
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const byOrg = db.prepare<[string], UserRow>(
    'SELECT * FROM users WHERE org_id = ? ORDER BY email',
  );

  return {
    async put(user) {
      const valid = parseOrThrow(userSchema, user, 'user');
      const email = normalizeEmail(valid.email);
      try {
        put.run({ ...valid, email, disabled: valid.disabled ? 1 : 0 });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`email ${email} belongs to another user`, { cause: error });
        }
        throw error;
      }
    },
    async findById(id) {
      checkKeyParts({ id });
      const row = byId.get(id);
      return row === undefined ? null : toUser(row);
    },
    async findByEmail(email) {
      const row = byEmail.get(normalizeEmail(email));
      return row === undefined ? null : toUser(row);
    },
    async listByOrg(orgId) {
      checkKeyParts({ orgId });
      return byOrg.all(orgId).map(toUser);
    },
  };
}
