/**
 * Interns keys straight from character ranges of the source text, so a key that was seen before
 * costs no substring and no Map lookup: only the first occurrence of each key becomes a string.
 * Open addressing; each slot holds [hash, value + 1, length, pool offset, c0c1, c2c3, c4c5, c6c7]
 * side by side in one Int32Array (half a cache line). A key of up to 8 characters (patient and
 * doctor keys such as "P123456", "HSA-12") is compared inside its slot, so a lookup touches one
 * memory place; with 100 000+ patients, cache misses are the cost (the pooled characters were a
 * second miss on every row). Longer keys are compared against the flat Uint16Array pool, the
 * interner's own copy: with the streaming reader a chunk's text is gone after its records.
 */
const SLOT = 8;
const INLINE = 8;

export class RangeInterner {
  private slots: Int32Array;
  private mask: number;
  private pool = new Uint16Array(1 << 12);
  private poolLen = 0;
  private n = 0;
  private lastHash = 0;
  /** The packed characters of the range last passed to find() (when it is at most INLINE long). */
  private k0 = 0;
  private k1 = 0;
  private k2 = 0;
  private k3 = 0;

  constructor(bits = 16) {
    this.slots = new Int32Array(SLOT << bits);
    this.mask = (1 << bits) - 1;
  }

  /** Value for s[a, b), or -1. */
  find(s: string, a: number, b: number): number {
    const len = b - a;
    // FNV-1a over the char codes plus a final avalanche so the low bits (the slot) are well mixed;
    // the same pass packs a short key's characters two to an int.
    let h = -2128831035;
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      h = Math.imul(h ^ c, 16777619);
      const j = i - a;
      if (j < INLINE) {
        const v = (j & 1) === 0 ? c : c << 16;
        if (j < 2) k0 |= v;
        else if (j < 4) k1 |= v;
        else if (j < 6) k2 |= v;
        else k3 |= v;
      }
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x45d9f3b);
    h ^= h >>> 16;
    this.lastHash = h;
    this.k0 = k0;
    this.k1 = k1;
    this.k2 = k2;
    this.k3 = k3;
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const at = i * SLOT;
      const v = slots[at + 1];
      if (v === 0) return -1;
      if (slots[at] === h && slots[at + 2] === len && slots[at + 4] === k0 && slots[at + 5] === k1 && slots[at + 6] === k2 && slots[at + 7] === k3) {
        if (len <= INLINE) return v - 1;
        const pool = this.pool;
        const off = slots[at + 3];
        let j = INLINE;
        while (j < len && pool[off + j - INLINE] === s.charCodeAt(a + j)) j++;
        if (j === len) return v - 1;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Adds the range last passed to find() with `val`. */
  insert(s: string, a: number, b: number, val: number): void {
    const len = b - a;
    let off = 0;
    if (len > INLINE) {
      // Only the characters beyond the first INLINE live in the pool.
      const rest = len - INLINE;
      if (this.poolLen + rest > this.pool.length) {
        const next = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + rest));
        next.set(this.pool);
        this.pool = next;
      }
      off = this.poolLen;
      for (let j = 0; j < rest; j++) this.pool[off + j] = s.charCodeAt(a + INLINE + j);
      this.poolLen += rest;
    }
    this.n++;
    if (this.n * 2 > this.mask + 1) this.grow();
    const slots = this.slots;
    let i = this.lastHash & this.mask;
    while (slots[i * SLOT + 1] !== 0) i = (i + 1) & this.mask;
    const at = i * SLOT;
    slots[at] = this.lastHash;
    slots[at + 1] = val + 1;
    slots[at + 2] = len;
    slots[at + 3] = off;
    slots[at + 4] = this.k0;
    slots[at + 5] = this.k1;
    slots[at + 6] = this.k2;
    slots[at + 7] = this.k3;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    this.mask = (this.mask << 1) | 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 1] === 0) continue;
      let i = old[from] & this.mask;
      while (slots[i * SLOT + 1] !== 0) i = (i + 1) & this.mask;
      slots.set(old.subarray(from, from + SLOT), i * SLOT);
    }
    this.slots = slots;
  }
}
