import { randomUUID } from 'node:crypto';
import {
  hashPassword,
  normalizeEmail,
  type OrgRole,
  type Store,
  type User,
} from '@gatehouse/store';
import type { AuditWriter } from '../audit/audit-writer.js';

/**
 * Provisioning users without the demo seed: production refuses demo accounts, so operators
 * create real ones with `pnpm users add`. Validation errors name the field.
 */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
}

/** NIST SP 800-63B's floor for chosen passwords is 8; for an admin-provisioned one we ask 12. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUser {
  email: string;
  name: string;
  role: OrgRole;
  password: string;
}

function validate(input: NewUser): void {
  const email = normalizeEmail(input.email);
  if (!EMAIL_SHAPE.test(email) || email.length > 254) {
    throw new UserInputError(`email: "${input.email}" is not an email address`);
  }
  if (input.name.trim() === '' || input.name.length > 120) {
    throw new UserInputError('name: give a display name of 1 to 120 characters');
  }
  if (input.role !== 'admin' && input.role !== 'member') {
    throw new UserInputError(`role: "${String(input.role)}" is not admin or member`);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    throw new UserInputError(
      `password: use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
}

export async function addUser(
  deps: { store: Pick<Store, 'users'>; audit: AuditWriter; orgId: string },
  input: NewUser,
): Promise<User> {
  validate(input);
  const email = normalizeEmail(input.email);
  if ((await deps.store.users.findByEmail(email)) !== null) {
    throw new UserInputError(`email: a user with ${email} exists already`);
  }
  const user: User = {
    id: `user-${randomUUID()}`,
    orgId: deps.orgId,
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash: await hashPassword(input.password),
    createdAt: Date.now(),
    disabled: false,
  };
  await deps.store.users.put(user);
  await deps.audit({
    orgId: deps.orgId,
    action: 'user.created',
    outcome: 'success',
    actor: 'system',
    details: { userId: user.id, email, role: user.role, via: 'cli' },
  });
  return user;
}

/** Disables or enables a user: a disabled user cannot sign in and their tokens stop at once. */
export async function setUserDisabled(
  deps: { store: Pick<Store, 'users' | 'events'>; audit: AuditWriter; orgId: string },
  email: string,
  disabled: boolean,
): Promise<User> {
  const user = await deps.store.users.findByEmail(normalizeEmail(email));
  if (user === null || user.orgId !== deps.orgId) {
    throw new UserInputError(`email: no user with ${email}`);
  }
  const updated = { ...user, disabled };
  await deps.store.users.put(updated);
  // Resource servers cache introspection results; this drops the user's at once.
  if (disabled) await deps.store.events.publish({ type: 'user.disabled', userId: user.id });
  await deps.audit({
    orgId: deps.orgId,
    action: disabled ? 'user.disabled' : 'user.enabled',
    outcome: 'success',
    actor: 'system',
    details: { userId: user.id, email: user.email, via: 'cli' },
  });
  return updated;
}
