import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The Lua scripts that make multi-key writes atomic. Each runs by EVALSHA and falls back to EVAL
 * when Redis does not have it cached yet (after a restart or SCRIPT FLUSH). Keys each script
 * touches are documented in keys.ts.
 */
export interface LuaScript {
  run(redis: Redis, keys: string[], args: Array<string | number>): Promise<unknown>;
}

function defineScript(source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return redis.eval(source, keys.length, ...keys, ...args);
      }
    },
  };
}

/**
 * oidc upsert. KEYS: entry, model expiry zset, grant set, user-code key, uid key (unused ones
 * repeat the entry key). ARGV: payload, ttl ms ('0' = never), id, now ms, has grant, has user
 * code, has uid ('1'/'0'). Only the payload field is replaced, so a consumed mark survives. The
 * grant set keeps the longest TTL of its members (none if any member has none).
 */
export const OIDC_UPSERT = defineScript(`
local ttl = tonumber(ARGV[2])
local now = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'payload', ARGV[1])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('ZADD', KEYS[2], now + ttl, ARGV[3])
else
  redis.call('PERSIST', KEYS[1])
  redis.call('ZADD', KEYS[2], 'inf', ARGV[3])
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if ARGV[5] == '1' then
  local existed = redis.call('EXISTS', KEYS[3]) == 1
  local current = redis.call('PTTL', KEYS[3])
  redis.call('SADD', KEYS[3], KEYS[1])
  if ttl <= 0 then
    redis.call('PERSIST', KEYS[3])
  elseif not existed or (current >= 0 and current < ttl) then
    redis.call('PEXPIRE', KEYS[3], ttl)
  end
end
for i = 4, 5 do
  if ARGV[i + 2] == '1' then
    if ttl > 0 then
      redis.call('SET', KEYS[i], ARGV[3], 'PX', ttl)
    else
      redis.call('SET', KEYS[i], ARGV[3])
    end
  end
end
return 1
`);

/**
 * oidc consume. KEYS: entry. ARGV: epoch seconds. Returns 1 when this call set the mark, 0 when
 * the entry is missing or was consumed already (HSETNX never overwrites; HSET-family commands
 * keep the entry's TTL).
 */
export const OIDC_CONSUME = defineScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], 'consumed', ARGV[1])
`);

/** revokeByGrantId. KEYS: grant set. Deletes every entry key in the set, then the set. */
export const OIDC_REVOKE_GRANT = defineScript(`
local members = redis.call('SMEMBERS', KEYS[1])
for _, key in ipairs(members) do redis.call('DEL', key) end
redis.call('DEL', KEYS[1])
return #members
`);

/**
 * User put, compare-and-set on the stored user. KEYS: user, new email index, new org set, old
 * email index, old org set. ARGV: id, user JSON, the user JSON read before ('' = none).
 * Returns 1 written, 0 email owned by another user, -1 user changed since read (retry).
 */
export const USER_PUT = defineScript(`
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[3] then return -1 end
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[1] then return 0 end
if current ~= '' then
  if KEYS[4] ~= KEYS[2] and redis.call('GET', KEYS[4]) == ARGV[1] then
    redis.call('DEL', KEYS[4])
  end
  if KEYS[5] ~= KEYS[3] then redis.call('SREM', KEYS[5], ARGV[1]) end
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
`);

/**
 * Settings compare-and-set. KEYS: settings hash. ARGV: expected version, settings JSON (already
 * carrying expected + 1). Returns {1, new version} or {0, current version}.
 */
export const SETTINGS_CAS = defineScript(`
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if current ~= tonumber(ARGV[1]) then return {0, current} end
redis.call('HSET', KEYS[1], 'version', current + 1, 'doc', ARGV[2])
return {1, current + 1}
`);

/**
 * API token create. KEYS: token hash, hash index, user set, org set. ARGV: fixed-fields JSON,
 * id, lastUsedAt ('' = null), revokedAt ('' = null). Returns 1, or 0 when id or hash exists.
 */
export const API_TOKEN_CREATE = defineScript(`
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'doc', ARGV[1])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'lastUsedAt', ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'revokedAt', ARGV[4]) end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[2])
return 1
`);

/** API token revoke. KEYS: token hash. ARGV: at. Returns 1 when this call revoked it. */
export const API_TOKEN_REVOKE = defineScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1])
`);

/** API token touch. KEYS: token hash. ARGV: at. Keeps the latest use; never creates a token. */
export const API_TOKEN_TOUCH = defineScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local last = tonumber(redis.call('HGET', KEYS[1], 'lastUsedAt') or '-1')
if last >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'lastUsedAt', ARGV[1])
return 1
`);

/**
 * Audit append, compare-and-set on the chain head (the hash is computed in Node: Redis Lua has
 * no SHA-256). KEYS: head, event, then every index zset. ARGV: head read before ('' = empty
 * chain), new head, event JSON, seq. Returns 1 appended, 0 head moved (retry).
 */
export const AUDIT_APPEND = defineScript(`
local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[3])
for i = 3, #KEYS do redis.call('ZADD', KEYS[i], ARGV[4], ARGV[4]) end
return 1
`);

/**
 * Rate limit hit. KEYS: the window's counter. ARGV: window ms. Returns { count, ms left }; the
 * first hit opens the window (sets the TTL), later ones only count.
 */
export const RATE_LIMIT_HIT = defineScript(`
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return { count, left }
`);
