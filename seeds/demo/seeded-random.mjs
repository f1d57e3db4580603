// The demo generators' random numbers: mulberry32 from a seed, so the same script gives the same
// file; each generator has its own seed (one's draws never shift another's).
export function seededRandom(seed) {
  let state = seed;
  function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const between = (min, max) => min + Math.floor(random() * (max - min + 1));
  const chance = (p) => random() < p;
  const pick = (list) => list[Math.floor(random() * list.length)];
  /** A version-4 UUID drawn from the sequence. */
  function uuid() {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(random() * 4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  return { random, between, chance, pick, uuid };
}

