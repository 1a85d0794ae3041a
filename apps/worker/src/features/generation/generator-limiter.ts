import type { Redis } from "ioredis";

// Per-generator admission, shared by every worker process through Redis.
// A concurrency semaphore: a sorted set of holders scored by lease expiry, so a holder that
// crashed (SIGKILL) frees its slot when the lease runs out. A job takes one slot and makes
// its requests one after another, so `concurrency` slots are `concurrency` requests in
// flight. Returns 0 when admitted (or the lease renewed), -1 when every slot is taken.
const ACQUIRE = `
local now = tonumber(ARGV[1])
local holder = ARGV[2]
local limit = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], holder) and redis.call('ZCARD', KEYS[1]) >= limit then
  return -1
end
redis.call('ZADD', KEYS[1], now + lease, holder)
redis.call('PEXPIRE', KEYS[1], lease * 2)
return 0
`;

// A requests-per-minute pacer (GCRA: one request per 60000/rpm ms, no burst), so a model
// server with a quota sees an even stream instead of bursts. Asked before every request of
// a paced generator; returns 0 when the request may go, or the ms to wait.
const PACE = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat > now then return math.ceil(tat - now) end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', math.ceil(interval) + 1000)
return 0
`;

export type GeneratorLimits = { concurrency: number; requestsPerMinute: number | null };

/** One held slot of a generator's semaphore. */
export type Permit = {
  /** Extends the lease once it is old enough to run out during the next request; false if the slot was lost. */
  renew: () => Promise<boolean>;
  /** 0 when the next request may go now, else the ms to wait (only paced generators ask Redis). */
  pace: () => Promise<number>;
  /** Not awaited by callers: the slot frees a round trip later at worst, and the lease bounds a miss. */
  release: () => void;
};

export type TAdmission = { admitted: true; permit: Permit } | { admitted: false; retryInMs: number };

type WithScripts = Redis & {
  arbiterGeneratorAcquire(...args: (string | number)[]): Promise<number>;
  arbiterGeneratorPace(...args: (string | number)[]): Promise<number>;
};

/**
 * `leaseMs` bounds how long a crashed holder keeps its slot; `renewAfterMs` is how old a
 * lease may get before the holder extends it (the lease minus the longest request, with room).
 */
export function createGeneratorLimiter(
  redis: Redis,
  prefix: string,
  lease: { leaseMs: number; renewAfterMs: number },
) {
  // Defined commands run by EVALSHA: the scripts are sent once, not with every job.
  if (!("arbiterGeneratorAcquire" in redis)) {
    redis.defineCommand("arbiterGeneratorAcquire", { numberOfKeys: 1, lua: ACQUIRE });
    redis.defineCommand("arbiterGeneratorPace", { numberOfKeys: 1, lua: PACE });
  }
  const scripted = redis as WithScripts;

  async function take(slots: string, holder: string, limit: number): Promise<boolean> {
    return (
      Number(await scripted.arbiterGeneratorAcquire(slots, Date.now(), holder, limit, lease.leaseMs)) === 0
    );
  }

  async function acquire(generatorId: string, holder: string, limits: GeneratorLimits): Promise<TAdmission> {
    const slots = `${prefix}:generator:${generatorId}:slots`;
    const paceKey = `${prefix}:generator:${generatorId}:pace`;
    if (!(await take(slots, holder, limits.concurrency))) {
      // A full semaphore frees up within about one request; jitter spreads the re-tries.
      return { admitted: false, retryInMs: Math.round(50 + Math.random() * 50) };
    }
    let takenAt = Date.now();
    const interval = limits.requestsPerMinute ? 60_000 / limits.requestsPerMinute : 0;
    const permit: Permit = {
      renew: async () => {
        if (Date.now() - takenAt < lease.renewAfterMs) return true;
        const kept = await take(slots, holder, limits.concurrency);
        if (kept) takenAt = Date.now();
        return kept;
      },
      pace: async () =>
        interval > 0 ? Number(await scripted.arbiterGeneratorPace(paceKey, Date.now(), interval)) : 0,
      release: () => void redis.zrem(slots, holder).catch(() => undefined),
    };
    return { admitted: true, permit };
  }

  return { acquire };
}

export type GeneratorLimiter = ReturnType<typeof createGeneratorLimiter>;
