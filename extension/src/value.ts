/**
 * Read and write the plain answer value in an answer cell's source, e.g. `q3 = {1: "A"}`.
 *
 * The grader (bonemets/grading/answers.py) reads the last top-level assignment to the
 * answer name with Python's ast and accepts only plain values: strings, numbers, None,
 * lists, tuples, sets, dicts, set()/frozenset(...) and arithmetic on numbers. This is a
 * small, tolerant reader for the same subset; anything else is reported as unreadable,
 * which the form shows as "not answered" (Validate names the problem).
 */

export type PyValue =
  | { t: 'none' }
  | { t: 'bool'; v: boolean }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'list' | 'tuple' | 'set'; items: PyValue[] }
  | { t: 'dict'; entries: [PyValue, PyValue][] };

export class Unreadable extends Error {}

type Token = { k: 'str' | 'num' | 'name' | 'op' | 'nl'; v: string };

const OPS = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '=', '+', '-', '*', '/', ';', '.']);

function unescape(body: string): string {
  return body.replace(/\\(.)/gs, (_m, c: string) => {
    const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' };
    return map[c] ?? '\\' + c;
  });
}

/** Split source into tokens; newlines inside brackets are dropped, as Python does. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '\n') {
      if (depth === 0) tokens.push({ k: 'nl', v: '\n' });
      i++;
    } else if (c === '\\' && source[i + 1] === '\n') {
      i += 2;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      let body = '';
      for (;;) {
        if (j >= source.length || (!triple && source[j] === '\n')) {
          throw new Unreadable('a text in quotes is not closed');
        }
        if (source[j] === '\\') {
          body += source.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (source.startsWith(quote, j)) break;
        body += source[j++];
      }
      tokens.push({ k: 'str', v: unescape(body) });
      i = j + quote.length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?/.exec(source.slice(i));
      const text = m ? m[0] : c;
      tokens.push({ k: 'num', v: text.replace(/_/g, '') });
      i += text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      const text = m ? m[0] : c;
      tokens.push({ k: 'name', v: text });
      i += text.length;
    } else if (c === '=' && source[i + 1] === '=') {
      tokens.push({ k: 'op', v: '==' });
      i += 2;
    } else if (OPS.has(c)) {
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) {
        depth--;
        if (depth < 0) throw new Unreadable('a bracket is closed that was never opened');
      }
      tokens.push({ k: 'op', v: c });
      i++;
    } else {
      tokens.push({ k: 'op', v: c });
      i++;
    }
  }
  if (depth !== 0) throw new Unreadable('a bracket is not closed');
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): PyValue {
    const value = this.expr();
    if (this.pos !== this.tokens.length) throw new Unreadable('extra text after the value');
    return value;
  }

  private peek(v?: string): boolean {
    const tok = this.tokens[this.pos];
    return tok !== undefined && (v === undefined || (tok.k === 'op' && tok.v === v));
  }

  private take(v: string): void {
    if (!this.peek(v)) throw new Unreadable(`expected "${v}"`);
    this.pos++;
  }

  private expr(): PyValue {
    let left = this.term();
    while (this.peek('+') || this.peek('-')) {
      const op = this.tokens[this.pos++].v;
      const right = this.term();
      left = arithmetic(left, right, op);
    }
    return left;
  }

  private term(): PyValue {
    let left = this.unary();
    while (this.peek('*') || this.peek('/')) {
      const op = this.tokens[this.pos++].v;
      const right = this.unary();
      left = arithmetic(left, right, op);
    }
    return left;
  }

  private unary(): PyValue {
    if (this.peek('-') || this.peek('+')) {
      const op = this.tokens[this.pos++].v;
      const inner = this.unary();
      if (inner.t !== 'num') throw new Unreadable('a sign in front of something that is not a number');
      return { t: 'num', v: op === '-' ? -inner.v : inner.v };
    }
    return this.atom();
  }

  private items(close: string): { items: PyValue[]; trailingComma: boolean } {
    const items: PyValue[] = [];
    let trailingComma = false;
    while (!this.peek(close)) {
      items.push(this.expr());
      trailingComma = false;
      if (this.peek(',')) {
        this.pos++;
        trailingComma = true;
      } else break;
    }
    this.take(close);
    return { items, trailingComma };
  }

  private atom(): PyValue {
    const tok = this.tokens[this.pos];
    if (tok === undefined) throw new Unreadable('the value is missing');
    this.pos++;
    if (tok.k === 'str') {
      let v = tok.v;
      while (this.tokens[this.pos]?.k === 'str') v += this.tokens[this.pos++].v;
      return { t: 'str', v };
    }
    if (tok.k === 'num') return { t: 'num', v: Number(tok.v) };
    if (tok.k === 'name') {
      if (tok.v === 'None') return { t: 'none' };
      if (tok.v === 'True' || tok.v === 'False') return { t: 'bool', v: tok.v === 'True' };
      if (['set', 'frozenset', 'list', 'tuple'].includes(tok.v) && this.peek('(')) {
        this.pos++;
        const { items } = this.items(')');
        if (items.length > 1) throw new Unreadable(`${tok.v}() takes one value`);
        const inner = items[0];
        let elements: PyValue[] = [];
        if (inner === undefined) elements = [];
        else if (inner.t === 'list' || inner.t === 'tuple' || inner.t === 'set') elements = inner.items;
        else if (inner.t === 'str') elements = [...inner.v].map(ch => ({ t: 'str', v: ch }) as PyValue);
        else throw new Unreadable(`${tok.v}() of something that is not a collection`);
        const t = tok.v === 'frozenset' ? 'set' : (tok.v as 'set' | 'list' | 'tuple');
        return { t, items: elements };
      }
      throw new Unreadable(`the name ${tok.v} is not a plain value`);
    }
    if (tok.v === '(') {
      const { items, trailingComma } = this.items(')');
      if (items.length === 1 && !trailingComma) return items[0];
      return { t: 'tuple', items };
    }
    if (tok.v === '[') return { t: 'list', items: this.items(']').items };
    if (tok.v === '{') {
      if (this.peek('}')) {
        this.pos++;
        return { t: 'dict', entries: [] };
      }
      const first = this.expr();
      if (this.peek(':')) {
        const entries: [PyValue, PyValue][] = [];
        let key = first;
        for (;;) {
          this.take(':');
          entries.push([key, this.expr()]);
          if (!this.peek(',')) break;
          this.pos++;
          if (this.peek('}')) break;
          key = this.expr();
        }
        this.take('}');
        return { t: 'dict', entries };
      }
      const items = [first];
      if (this.peek(',')) {
        this.pos++;
        items.push(...this.items('}').items);
      } else this.take('}');
      return { t: 'set', items };
    }
    throw new Unreadable(`unexpected "${tok.v}"`);
  }
}

function arithmetic(a: PyValue, b: PyValue, op: string): PyValue {
  if (a.t !== 'num' || b.t !== 'num') throw new Unreadable('arithmetic on something that is not a number');
  if (op === '/' && b.v === 0) throw new Unreadable('it divides by zero');
  const v = op === '+' ? a.v + b.v : op === '-' ? a.v - b.v : op === '*' ? a.v * b.v : a.v / b.v;
  return { t: 'num', v };
}

/**
 * The value the source assigns to `name` (last top-level assignment wins), `null` when it
 * assigns nothing; throws Unreadable when the cell or that value cannot be read.
 */
export function readAssignment(source: string, name: string): PyValue | null {
  const tokens = tokenize(source);
  let found: Token[] | null = null;
  let statement: Token[] = [];
  const finish = (): void => {
    const eq = statement.findIndex(t => t.k === 'op' && t.v === '=');
    const head = statement[0];
    if (eq > 0 && head?.k === 'name' && head.v === name && (eq === 1 || statement[1].v === ':')) {
      found = statement.slice(eq + 1);
    }
    statement = [];
  };
  for (const tok of tokens) {
    if (tok.k === 'nl' || (tok.k === 'op' && tok.v === ';')) finish();
    else statement.push(tok);
  }
  finish();
  if (found === null) return null;
  return new Parser(found).parseAll();
}

/** Python source for a string, with double quotes. */
export function pyString(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/**
 * Replace the answer in `source` with `name = valueText`: comment lines above and below
 * (the question's reminder) are kept; code lines between them become the one assignment.
 */
export function writeAssignment(source: string, name: string, valueText: string): string {
  const lines = source.split('\n');
  const isCode = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');
  const first = lines.findIndex(isCode);
  const assignment = `${name} = ${valueText}`;
  if (first === -1) {
    const lead = lines.filter(line => line.trim() !== '');
    return [...lead, assignment].join('\n');
  }
  let last = lines.length - 1;
  while (!isCode(lines[last])) last--;
  return [...lines.slice(0, first), assignment, ...lines.slice(last + 1)].join('\n');
}
