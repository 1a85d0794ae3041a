import type { Redis } from "ioredis";

// Per-generator admission, shared by every worker process through Redis.
// A concurrency semaphore: a sorted set of holders scored by lease expiry, so a holder that
// crashed (SIGKILL) frees its slot when the lease runs out. A lane of a job takes one slot
// and makes its requests one after another, so `concurrency` slots are `concurrency`
// requests in flight. One call first frees the slots given back (ARGV[5] of them, listed
// first), then admits the others in order, or renews the lease of a holder already in;
// it returns, per holder to admit, 0 when admitted and -1 when every slot is taken.
const SYNC = `
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local released = tonumber(ARGV[4])
for i = 5, 4 + released do
  redis.call('ZREM', KEYS[1], ARGV[i])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local count = redis.call('ZCARD', KEYS[1])
local result = {}
for i = 5 + released, #ARGV do
  local holder = ARGV[i]
  if redis.call('ZSCORE', KEYS[1], holder) then
    redis.call('ZADD', KEYS[1], now + lease, holder)
    result[#result + 1] = 0
  elseif count < limit then
    redis.call('ZADD', KEYS[1], now + lease, holder)
    count = count + 1
    result[#result + 1] = 0
  else
    result[#result + 1] = -1
  end
end
if count > 0 then redis.call('PEXPIRE', KEYS[1], lease * 2) end
return result
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
  /** Frees the slot with the semaphore's next call, before any admission in it; the lease bounds a miss. */
  release: () => void;
};

export type TAdmission = { admitted: true; permit: Permit } | { admitted: false; retryInMs: number };

type WithScripts = Redis & {
  arbiterGeneratorSync(...args: (string | number)[]): Promise<number[]>;
  arbiterGeneratorPace(...args: (string | number)[]): Promise<number>;
};

type TWaiter = { holder: string; resolve: (admitted: boolean) => void; reject: (err: unknown) => void };
type TPendingSync = { slots: string; limit: number; released: string[]; waiters: TWaiter[] };

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
  if (!("arbiterGeneratorSync" in redis)) {
    redis.defineCommand("arbiterGeneratorSync", { numberOfKeys: 1, lua: SYNC });
    redis.defineCommand("arbiterGeneratorPace", { numberOfKeys: 1, lua: PACE });
  }
  const scripted = redis as WithScripts;

  // What lanes ask of one generator's semaphore in one turn of the event loop travels as one
  // script call: a job opening its lanes asks once, and a slot given back rides along with
  // the next admission, freed before it (a lane that ends hands its request slot straight to
  // a waiting lane, whose admission must find the slot free). Keyed by semaphore and limit.
  const pending = new Map<string, TPendingSync>();

  function queue(slots: string, limit: number): TPendingSync {
    const key = `${slots}\u0000${limit}`;
    let entry = pending.get(key);
    if (!entry) {
      entry = { slots, limit, released: [], waiters: [] };
      pending.set(key, entry);
      if (pending.size === 1) setImmediate(flush);
    }
    return entry;
  }

  function flush(): void {
    const entries = [...pending.values()];
    pending.clear();
    for (const { slots, limit, released, waiters } of entries) {
      const args = [
        Date.now(),
        limit,
        lease.leaseMs,
        released.length,
        ...released,
        ...waiters.map((w) => w.holder),
      ];
      scripted.arbiterGeneratorSync(slots, ...args).then(
        (results) => {
          for (const [i, w] of waiters.entries()) w.resolve(Number(results[i]) === 0);
        },
        (err) => {
          for (const w of waiters) w.reject(err);
        },
      );
    }
  }

  function take(slots: string, holder: string, limit: number): Promise<boolean> {
    return new Promise((resolve, reject) => queue(slots, limit).waiters.push({ holder, resolve, reject }));
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
      // A release that fails (Redis away) is left to the lease.
      release: () => void queue(slots, limits.concurrency).released.push(holder),
    };
    return { admitted: true, permit };
  }

  return { acquire };
}

export type GeneratorLimiter = ReturnType<typeof createGeneratorLimiter>;
