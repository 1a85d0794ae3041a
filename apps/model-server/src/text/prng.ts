/** 32-bit FNV-1a over a string: stable across processes, so seeds reproduce anywhere. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type TRandom = () => number;

/** mulberry32: tiny, fast, good enough for sampling text; returns floats in [0, 1). */
export function createRandom(seed: number): TRandom {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: TRandom, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
