/**
 * The Pub/Sub subscription filter language, on attributes only:
 * `attributes.k = "v"`, `attributes.k != "v"`, `attributes:k` (has the key), `hasPrefix(attributes.k, "p")`,
 * `NOT` / `-`, `AND`, `OR` and parentheses. AND and OR may not be mixed without parentheses.
 * https://cloud.google.com/pubsub/docs/subscription-message-filter
 */
type Attrs = Readonly<Record<string, string>>;
type Node = (a: Attrs) => boolean;

const TOKEN = /\s*(\(|\)|!=|=|,|:|-|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_.-]*)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`unexpected text at "${text.slice(TOKEN.lastIndex)}"`);
    out.push(m[1]!);
  }
  return out;
}

const unquote = (t: string | undefined): string => {
  if (!t || !t.startsWith('"')) throw new Error(`expected a quoted string, got ${t ?? 'the end'}`);
  return JSON.parse(t) as string;
};

const attrName = (t: string | undefined): string => {
  if (!t?.startsWith('attributes.')) throw new Error(`expected attributes.<name>, got ${t ?? 'the end'}`);
  return t.slice('attributes.'.length);
};

/** Parses a filter; throws an Error whose message says what is wrong. */
export function parseFilter(text: string): Node {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const eat = (want?: string) => {
    const t = tokens[i++];
    if (want !== undefined && t !== want) throw new Error(`expected ${want}, got ${t ?? 'the end'}`);
    return t;
  };
  const atom = (): Node => {
    const t = peek();
    if (t === 'NOT' || t === '-') {
      eat();
      const inner = atom();
      return (a) => !inner(a);
    }
    if (t === '(') {
      eat();
      const inner = expr();
      eat(')');
      return inner;
    }
    if (t === 'hasPrefix') {
      eat();
      eat('(');
      const key = attrName(eat());
      eat(',');
      const prefix = unquote(eat());
      eat(')');
      return (a) => a[key] !== undefined && a[key].startsWith(prefix);
    }
    if (t === 'attributes') {
      eat();
      eat(':');
      const key = eat();
      if (!key) throw new Error('expected an attribute name after attributes:');
      return (a) => a[key] !== undefined;
    }
    const key = attrName(eat());
    const op = eat();
    const value = unquote(eat());
    if (op === '=') return (a) => a[key] === value;
    if (op === '!=') return (a) => a[key] !== value;
    throw new Error(`expected = or !=, got ${op ?? 'the end'}`);
  };
  const expr = (): Node => {
    let node = atom();
    let joiner: string | null = null;
    while (peek() === 'AND' || peek() === 'OR') {
      const op = eat()!;
      if (joiner && joiner !== op) throw new Error('AND and OR cannot be mixed without parentheses');
      joiner = op;
      const left = node;
      const right = atom();
      node = op === 'AND' ? (a) => left(a) && right(a) : (a) => left(a) || right(a);
    }
    return node;
  };
  const node = expr();
  if (i < tokens.length) throw new Error(`unexpected ${tokens[i]}`);
  return node;
}

/** Why a filter is invalid, or null. */
export function filterProblem(text: string): string | null {
  try {
    parseFilter(text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export const matchesFilter = (text: string, attributes: Attrs): boolean => parseFilter(text)(attributes);
