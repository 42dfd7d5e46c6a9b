import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.js';
import { type AccessGrants, holdsLevel, levelOf } from './access.js';

const LEVELS = ['view', 'edit', 'administer'] as const;
type Level = (typeof LEVELS)[number];
const member = (userId: string): Actor => ({
  userId,
  email: `${userId}@example.com`,
  displayName: userId,
  orgRole: 'member',
});
const admin: Actor = { ...member('root'), orgRole: 'admin' };

describe('levelOf', () => {
  it.each<[string, AccessGrants<Level>, Actor, Level | null]>([
    ['restricted, not listed', { everyone: null, users: {} }, member('u1'), null],
    ['restricted, listed', { everyone: null, users: { u1: 'edit' } }, member('u1'), 'edit'],
    ['everyone level', { everyone: 'view', users: {} }, member('u1'), 'view'],
    [
      'user level above everyone',
      { everyone: 'view', users: { u1: 'administer' } },
      member('u1'),
      'administer',
    ],
    [
      'everyone level above user',
      { everyone: 'edit', users: { u1: 'view' } },
      member('u1'),
      'edit',
    ],
    ['org admin on a restricted item', { everyone: null, users: {} }, admin, 'administer'],
  ])('%s', (_label, grants, actor, expected) => {
    expect(levelOf(LEVELS, grants, actor)).toBe(expected);
  });
});

describe('holdsLevel', () => {
  const grants: AccessGrants<Level> = { everyone: null, users: { u1: 'edit' } };
  it.each<[Level, boolean]>([
    ['view', true],
    ['edit', true],
    ['administer', false],
  ])('edit includes %s: %s', (required, expected) => {
    expect(holdsLevel(LEVELS, grants, member('u1'), required)).toBe(expected);
  });
});
