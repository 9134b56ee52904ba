/**
 * A small evaluator for explanation text (issue 17.1/10.3: "a test fails if an explanation's numbers do not
 * recompute to the value shown"). It reads a printed line the way a person with a calculator would — the
 * sv-SE numbers ("1 100", "0,5", "80 %"), ×, ÷, /, +, −, parentheses, min(a; b), max(a; b) — computes it, and
 * checks the value shown after "=", and the rounding when the line says "avrundat nedåt/uppåt".
 * It knows nothing of the engine: only the text.
 */
const NUMBER = /^-?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?(?:\u00a0%)?$/;

type Token = { t: 'num'; v: number } | { t: 'op'; v: string } | { t: 'fn'; v: 'min' | 'max' } | { t: '(' } | { t: ')' } | { t: ';' };

/** "1 100" → 1100, "0,5" → 0.5, "80 %" → 0.8, "∞" → Infinity; decimals: how many the text shows (in its own scale). */
export function readNumber(text: string): { v: number; decimals: number; scale: number } | null {
  const s = text.replace(/\u00a0kr$/, '');
  if (s === '∞') return { v: Infinity, decimals: 0, scale: 1 };
  if (!NUMBER.test(s)) return null;
  const percent = s.endsWith('%');
  const digits = s.replace(/\u00a0%$/, '').replace(/\u00a0/g, '');
  const comma = digits.indexOf(',');
  const decimals = comma < 0 ? 0 : digits.length - comma - 1;
  const v = Number(digits.replace(',', '.'));
  return { v: percent ? v / 100 : v, decimals, scale: percent ? 0.01 : 1 };
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Regular spaces separate tokens; numbers hold no-break spaces ("1 100", "80 %").
  for (let raw of text.split(' ')) {
    while (raw.length > 0) {
      if (raw.startsWith('min(') || raw.startsWith('max(')) {
        out.push({ t: 'fn', v: raw.slice(0, 3) as 'min' | 'max' }, { t: '(' });
        raw = raw.slice(4);
      } else if (raw[0] === '(') {
        out.push({ t: '(' });
        raw = raw.slice(1);
      } else if (raw.endsWith(')')) {
        const inner = raw.slice(0, -1);
        const rest: Token[] = inner === '' ? [] : tokenize(inner);
        out.push(...rest, { t: ')' });
        raw = '';
      } else if (raw.endsWith(';')) {
        out.push(...tokenize(raw.slice(0, -1)), { t: ';' });
        raw = '';
      } else if (['×', '÷', '/', '+', '−'].includes(raw)) {
        out.push({ t: 'op', v: raw });
        raw = '';
      } else {
        const n = readNumber(raw);
        if (n === null) throw new Error(`not a number or operator: "${raw}" in "${text}"`);
        out.push({ t: 'num', v: n.v });
        raw = '';
      }
    }
  }
  return out;
}

/** Evaluates an expression: numbers, × ÷ / (left to right, before) + −, parentheses, min(…; …), max(…; …). */
export function evaluate(text: string): number {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const expect = (t: Token['t']) => {
    if (tokens[i]?.t !== t) throw new Error(`expected ${t} at token ${i} in "${text}"`);
    i++;
  };
  const atom = (): number => {
    const tok = tokens[i++];
    if (!tok) throw new Error(`unexpected end of "${text}"`);
    if (tok.t === 'num') return tok.v;
    if (tok.t === '(') {
      const v = sum();
      expect(')');
      return v;
    }
    if (tok.t === 'fn') {
      expect('(');
      const args = [sum()];
      while (peek()?.t === ';') {
        i++;
        args.push(sum());
      }
      expect(')');
      return tok.v === 'min' ? Math.min(...args) : Math.max(...args);
    }
    throw new Error(`unexpected ${tok.t} in "${text}"`);
  };
  const product = (): number => {
    let v = atom();
    for (let tok = peek(); tok?.t === 'op' && ['×', '÷', '/'].includes(tok.v); tok = peek()) {
      i++;
      const r = atom();
      v = tok.v === '×' ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    for (let tok = peek(); tok?.t === 'op' && (tok.v === '+' || tok.v === '−'); tok = peek()) {
      i++;
      const r = product();
      v = tok.v === '+' ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  if (i !== tokens.length) throw new Error(`trailing tokens in "${text}"`);
  return v;
}

const round9 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e9) / 1e9 : x);

function close(computed: number, shown: { v: number; decimals: number; scale: number }): boolean {
  if (!Number.isFinite(shown.v) || !Number.isFinite(computed)) return shown.v === computed;
  const tolerance = 0.5 * 10 ** -shown.decimals * shown.scale + 1e-9 * Math.max(1, Math.abs(computed));
  return Math.abs(computed - shown.v) <= tolerance;
}

export type Checked = { ok: true; checked: boolean } | { ok: false; why: string };

/**
 * Checks one printed line: "LHS = V", "LHS = RAW, avrundat nedåt = V", "LHS = RAW, avrundat uppåt = V".
 * A line that states a value by rule ("… → V") or names it ("listans vårdtyngd = 1,60") has nothing to recompute.
 */
export function checkLine(line: string, words = { down: 'avrundat nedåt', up: 'avrundat uppåt' }): Checked {
  if (!line.includes(' = ')) return line.includes(' → ') ? { ok: true, checked: false } : { ok: false, why: `no "=" or "→": ${line}` };
  const rounding = new RegExp(`^(.*) = ([^=]+), (${words.down}|${words.up}) = ([^=]+)$`).exec(line);
  const [lhs, shownText, dir, finalText] = rounding ? [rounding[1], rounding[2], rounding[3], rounding[4]] : [line.slice(0, line.lastIndexOf(' = ')), line.slice(line.lastIndexOf(' = ') + 3), null, null];
  // A line that names a value ("listans vårdtyngd = 1,60", "Läkare 1 = 1 100") has no arithmetic to check.
  if (!/ [×÷/+−] |min\(|max\(/.test(` ${lhs} `)) return { ok: true, checked: false };
  let computed: number;
  try {
    computed = evaluate(lhs);
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
  const shown = readNumber(shownText.trim());
  if (!shown) return { ok: false, why: `the value "${shownText}" is not a number: ${line}` };
  if (!close(computed, shown)) return { ok: false, why: `${lhs} is ${computed}, the line shows ${shownText}: ${line}` };
  if (dir !== null && finalText !== null) {
    const final = readNumber(finalText.trim());
    const expected = dir === words.down ? Math.floor(round9(computed)) : Math.ceil(round9(computed));
    if (!final || final.v !== expected) return { ok: false, why: `${dir} of ${computed} is ${expected}, the line shows ${finalText}: ${line}` };
  }
  return { ok: true, checked: true };
}
