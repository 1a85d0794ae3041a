import type { Redis } from "ioredis";

// Per-generator admission, shared by every worker process through Redis:
// - a concurrency semaphore: a sorted set of holders scored by lease expiry, so a holder
//   that crashed (SIGKILL) frees its slot when the lease runs out;
// - a requests-per-minute pacer (GCRA: one request per 60000/rpm ms, no burst), so a
//   model server with a quota sees an even stream instead of bursts.
// Returns 0 when admitted, -1 when every slot is taken, or the ms to wait for the pacer.
const ACQUIRE = `
local now = tonumber(ARGV[1])
local holder = ARGV[2]
local limit = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local rpm = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], holder) and redis.call('ZCARD', KEYS[1]) >= limit then
  return -1
end
if rpm > 0 then
  local interval = 60000 / rpm
  local tat = tonumber(redis.call('GET', KEYS[2]) or '0')
  if tat < now then tat = now end
  if tat > now then return math.ceil(tat - now) end
  redis.call('SET', KEYS[2], tostring(tat + interval), 'PX', math.ceil(interval) + 1000)
end
redis.call('ZADD', KEYS[1], now + lease, holder)
redis.call('PEXPIRE', KEYS[1], lease * 2)
return 0
`;

export type TAdmission = { admitted: true } | { admitted: false; retryInMs: number };

export type GeneratorLimits = { concurrency: number; requestsPerMinute: number | null };

type WithAcquire = Redis & {
  arbiterGeneratorAcquire(...args: (string | number)[]): Promise<number>;
};

export function createGeneratorLimiter(redis: Redis, prefix: string, leaseMs: number) {
  // A defined command runs by EVALSHA: the script is sent once, not with every job.
  if (!("arbiterGeneratorAcquire" in redis)) {
    redis.defineCommand("arbiterGeneratorAcquire", { numberOfKeys: 2, lua: ACQUIRE });
  }
  const scripted = redis as WithAcquire;
  const keys = (generatorId: string) => [
    `${prefix}:generator:${generatorId}:slots`,
    `${prefix}:generator:${generatorId}:pace`,
  ];

  async function acquire(generatorId: string, holder: string, limits: GeneratorLimits): Promise<TAdmission> {
    const [slots, pace] = keys(generatorId);
    const answer = Number(
      await scripted.arbiterGeneratorAcquire(
        slots!,
        pace!,
        Date.now(),
        holder,
        limits.concurrency,
        leaseMs,
        limits.requestsPerMinute ?? 0,
      ),
    );
    if (answer === 0) return { admitted: true };
    // A full semaphore frees up within about one request; jitter spreads the re-tries.
    const base = answer > 0 ? answer : 50;
    return { admitted: false, retryInMs: Math.round(base + Math.random() * 50) };
  }

  async function release(generatorId: string, holder: string): Promise<void> {
    await redis.zrem(keys(generatorId)[0]!, holder);
  }

  return { acquire, release };
}

export type GeneratorLimiter = ReturnType<typeof createGeneratorLimiter>;
