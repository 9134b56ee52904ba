/**
 * Interns keys straight from character ranges of the source text, so a key that was seen before
 * costs no substring and no Map lookup: only the first occurrence of each key becomes a string.
 * Open addressing; each slot holds [hash, value + 1, offset, length] side by side in one Int32Array
 * and the key characters live in one flat Uint16Array pool, so a lookup touches two memory places
 * (the slot and the pooled characters) — with 100 000+ patients, cache misses are the cost. The pool
 * is the interner's own copy: with the streaming reader a chunk's text is gone after its records.
 */
export class RangeInterner {
  private slots: Int32Array;
  private mask: number;
  private pool = new Uint16Array(1 << 16);
  private poolLen = 0;
  private n = 0;
  private lastHash = 0;

  constructor(bits = 16) {
    this.slots = new Int32Array(4 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** FNV-1a over the char codes plus a final avalanche so the low bits (the slot) are well mixed. */
  private static hash(s: string, a: number, b: number): number {
    let h = -2128831035;
    for (let i = a; i < b; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h ^= h >>> 16;
    h = Math.imul(h, 0x45d9f3b);
    return h ^ (h >>> 16);
  }

  /** Value for s[a, b), or -1. */
  find(s: string, a: number, b: number): number {
    const h = RangeInterner.hash(s, a, b);
    this.lastHash = h;
    const len = b - a;
    const slots = this.slots;
    const pool = this.pool;
    let i = h & this.mask;
    for (;;) {
      const at = i << 2;
      const v = slots[at + 1];
      if (v === 0) return -1;
      if (slots[at] === h && slots[at + 3] === len) {
        const off = slots[at + 2];
        let j = 0;
        while (j < len && pool[off + j] === s.charCodeAt(a + j)) j++;
        if (j === len) return v - 1;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Adds the range last passed to find() with `val`. */
  insert(s: string, a: number, b: number, val: number): void {
    const len = b - a;
    if (this.poolLen + len > this.pool.length) {
      const next = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      next.set(this.pool);
      this.pool = next;
    }
    const off = this.poolLen;
    for (let j = 0; j < len; j++) this.pool[off + j] = s.charCodeAt(a + j);
    this.poolLen += len;
    this.n++;
    if (this.n * 2 > this.mask + 1) this.grow();
    this.place(this.lastHash, val, off, len);
  }

  private place(h: number, val: number, off: number, len: number): void {
    let i = h & this.mask;
    while (this.slots[(i << 2) + 1] !== 0) i = (i + 1) & this.mask;
    const at = i << 2;
    this.slots[at] = h;
    this.slots[at + 1] = val + 1;
    this.slots[at + 2] = off;
    this.slots[at + 3] = len;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.mask << 1) | 1;
    for (let at = 0; at < old.length; at += 4) if (old[at + 1] !== 0) this.place(old[at], old[at + 1] - 1, old[at + 2], old[at + 3]);
  }
}
