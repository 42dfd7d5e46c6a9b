/**
 * The Redis key scheme, every key pattern documented once, here, with an example for the
 * default prefix `gatehouse:`. Every key starts with the configured prefix, so several
 * deployments (or test runs) can share one Redis. Each variable part goes through `part()`,
 * which escapes `%` and `:` so that no two different argument lists can give the same key.
 *
 * The Lua scripts (scripts.ts) run on a single Redis (or a primary with replicas); some touch
 * keys they read from a set, so Redis Cluster is not supported.
 */

/** The prefix when none is configured. */
export const DEFAULT_KEY_PREFIX = 'gatehouse:';

/** Escapes a variable key part: `%` → `%25`, `:` → `%3A`. Ordinary ids are unchanged. */
export function part(value: string): string {
  return value.replaceAll('%', '%25').replaceAll(':', '%3A');
}

/** Builds every key of one store from its prefix. */
export function createKeys(prefix: string) {
  return {
    /** Hash `{ payload: JSON, consumed?: epoch s }` with the entry's TTL.
     *  `gatehouse:oidc:AccessToken:tok123` */
    oidcEntry: (model: string, id: string) => `${prefix}oidc:${part(model)}:${part(id)}`,
    /** Sorted set of a model's ids, score = expiry in epoch ms (`inf` = never), for `list()`.
     *  `gatehouse:oidc-expiry:Client` */
    oidcExpiry: (model: string) => `${prefix}oidc-expiry:${part(model)}`,
    /** Set of the entry keys that carry a grantId; TTL = the longest member's.
     *  `gatehouse:oidc-grant:grant42` */
    oidcGrant: (grantId: string) => `${prefix}oidc-grant:${part(grantId)}`,
    /** String: the id of the model's entry with this user code; entry's TTL.
     *  `gatehouse:oidc-user-code:DeviceCode:ABCD-EFGH` */
    oidcUserCode: (model: string, userCode: string) =>
      `${prefix}oidc-user-code:${part(model)}:${part(userCode)}`,
    /** String: the id of the model's entry with this uid; entry's TTL.
     *  `gatehouse:oidc-uid:Session:u-77` */
    oidcUid: (model: string, uid: string) => `${prefix}oidc-uid:${part(model)}:${part(uid)}`,

    /** String: the user as JSON (email normalised). `gatehouse:user:u1` */
    user: (id: string) => `${prefix}user:${part(id)}`,
    /** String: the id of the user who owns this normalised email.
     *  `gatehouse:user-email:alice@example.com` */
    userEmail: (email: string) => `${prefix}user-email:${part(email)}`,
    /** Set of the user ids in an org. `gatehouse:org-users:org1` */
    orgUsers: (orgId: string) => `${prefix}org-users:${part(orgId)}`,

    /** Hash `{ version, doc: VersionedSettings JSON }`. `gatehouse:settings:org1` */
    settings: (orgId: string) => `${prefix}settings:${part(orgId)}`,

    /** Hash `{ doc: JSON of the fixed fields, lastUsedAt?, revokedAt? }`.
     *  `gatehouse:api-token:tok1` */
    apiToken: (id: string) => `${prefix}api-token:${part(id)}`,
    /** String: the id of the token with this hash. `gatehouse:api-token-hash:9f86d0…` */
    apiTokenHash: (hash: string) => `${prefix}api-token-hash:${part(hash)}`,
    /** Set of a user's token ids. `gatehouse:user-api-tokens:u1` */
    userApiTokens: (userId: string) => `${prefix}user-api-tokens:${part(userId)}`,
    /** Set of an org's token ids. `gatehouse:org-api-tokens:org1` */
    orgApiTokens: (orgId: string) => `${prefix}org-api-tokens:${part(orgId)}`,

    /** String `{"seq":n,"hash":"…"}`: the end of the audit chain. `gatehouse:audit-head` */
    auditHead: `${prefix}audit-head`,
    /** String: one audit event as JSON; events written before the chain was keyed carry no
     *  `hashAlg` (read as `sha256`). `gatehouse:audit-event:17` */
    auditEvent: (seq: number) => `${prefix}audit-event:${seq}`,
    /** Sorted sets of seqs (score = member = seq) for `query()`, one per org and one per org
     *  and filter value: `gatehouse:audit-by-org:org1`, `gatehouse:audit-by-actor:org1:u1`,
     *  `gatehouse:audit-by-action:org1:auth.sign_in`, `gatehouse:audit-by-outcome:org1:denied` */
    auditByOrg: (orgId: string) => `${prefix}audit-by-org:${part(orgId)}`,
    auditBy: (field: 'actor' | 'action' | 'outcome', orgId: string, value: string) =>
      `${prefix}audit-by-${field}:${part(orgId)}:${part(value)}`,

    /** String: key material as JSON, set once with NX. `gatehouse:key-material:jwks` */
    keyMaterial: (name: string) => `${prefix}key-material:${part(name)}`,
    /** Hash of a kind's records, field = id, value = JSON. `gatehouse:records:issue` */
    records: (kind: string) => `${prefix}records:${part(kind)}`,
    /** String counter for nextSequence (INCR). `gatehouse:sequence:OPS` */
    sequence: (name: string) => `${prefix}sequence:${part(name)}`,

    /** Counter with a native TTL: one fixed rate-limit window. `gatehouse:rate-limit:login-ip:1.2.3.4` */
    rateLimit: (key: string) => `${prefix}rate-limit:${part(key)}`,

    /** Pub/sub channel of store events (JSON). `gatehouse:events` */
    eventsChannel: `${prefix}events`,
  };
}

export type RedisKeys = ReturnType<typeof createKeys>;
