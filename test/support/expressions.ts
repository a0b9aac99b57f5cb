/**
 * GitHub Actions expressions (`${{ … }}` and job `if:`), as GitHub documents them: literals, `!`, `==` and
 * `!=` (strings compared case-insensitively), `&&` / `||` returning an operand, property and index access,
 * and the functions these workflows use. Anything else throws, so a workflow cannot use what the player
 * does not understand.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | undefined;

export interface ExpressionContext {
  /** Context name → value (`inputs`, `needs`, `matrix`, `steps`, `job`, `jobs`, `secrets`, `runner`). */
  contexts: Record<string, Value>;
  /** Status functions of a job condition: results of the job's needs. */
  needResults?: string[];
}

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|(==|!=|&&|\|\||[!()[\].,])|([A-Za-z_][\w-]*))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`expression: cannot read ${JSON.stringify(text.slice(start))} in ${JSON.stringify(text)}`);
    tokens.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return tokens;
}

function truthy(value: Value): boolean {
  return !(value === false || value === 0 || value === '' || value === null || value === undefined);
}

function equal(a: Value, b: Value): boolean {
  const norm = (v: Value) => (v === undefined ? null : v);
  const [x, y] = [norm(a), norm(b)];
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase() === y.toLowerCase();
  if (x === null || y === null) return x === y;
  if (typeof x === 'object' || typeof y === 'object') return x === y;
  // Different primitive types are compared as numbers.
  return Number(x) === Number(y);
}

const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'];

/** Evaluates one expression (without the `${{ }}`). */
export function evaluate(text: string, ctx: ExpressionContext): Value {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const token = tokens[i++];
    if (expected !== undefined && token !== expected) throw new Error(`expression: expected ${expected}, got ${token} in ${JSON.stringify(text)}`);
    return token!;
  };
  const or = (): Value => {
    let left = and();
    while (peek() === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek() === '&&') {
      take();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const comparison = (): Value => {
    let left = unary();
    while (peek() === '==' || peek() === '!=') {
      const op = take();
      const right = unary();
      left = op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const unary = (): Value => {
    if (peek() === '!') {
      take();
      return !truthy(unary());
    }
    return postfix(primary());
  };
  const postfix = (value: Value): Value => {
    for (;;) {
      if (peek() === '.') {
        take();
        const name = take();
        value = value && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
      } else if (peek() === '[') {
        take();
        const index = or();
        take(']');
        value = Array.isArray(value) ? value[Number(index)] : value && typeof value === 'object' ? value[String(index)] : undefined;
      } else return value;
    }
  };
  const primary = (): Value => {
    const token = take();
    if (token === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      take('(');
      const args: Value[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take();
      }
      take(')');
      return call(token, args);
    }
    if (!(token in ctx.contexts)) throw new Error(`expression: unknown context ${token} in ${JSON.stringify(text)}`);
    return ctx.contexts[token];
  };
  const call = (name: string, args: Value[]): Value => {
    const results = ctx.needResults ?? [];
    switch (name) {
      case 'success':
        return results.every((r) => r === 'success');
      case 'failure':
        return results.some((r) => r === 'failure');
      case 'cancelled':
        return false; // the played run is never cancelled
      case 'always':
        return true;
      case 'fromJSON':
        return JSON.parse(String(args[0])) as Value;
      case 'toJSON':
        // GitHub pretty-prints (two spaces); fromJSON reads it back either way.
        return JSON.stringify(args[0] ?? null, null, 2);
      case 'format': {
        // `{N}` is the Nth argument after the string, `{{` and `}}` escape braces.
        const [template, ...values] = args;
        return String(template).replace(/\{\{|\}\}|\{(\d+)\}/g, (token, index?: string) => {
          if (index === undefined) return token[0]!;
          if (Number(index) >= values.length) throw new Error(`expression: format has no argument {${index}} in ${JSON.stringify(text)}`);
          return asString(values[Number(index)]);
        });
      }
      case 'contains': {
        const [haystack, needle] = args;
        if (Array.isArray(haystack)) return haystack.some((item) => equal(item, needle));
        return String(haystack ?? '').toLowerCase().includes(String(needle ?? '').toLowerCase());
      }
      default:
        throw new Error(`expression: unknown function ${name} in ${JSON.stringify(text)}`);
    }
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`expression: unexpected ${tokens[i]} in ${JSON.stringify(text)}`);
  return value;
}

/** A job's `if:` as GitHub runs it: without a status function, `success() && (…)`. */
export function jobCondition(text: string | undefined, ctx: ExpressionContext): boolean {
  if (text === undefined) return (ctx.needResults ?? []).every((r) => r === 'success');
  const expression = String(text).replace(/^\s*\$\{\{\s*|\s*\}\}\s*$/g, '');
  const hasStatus = tokenize(expression).some((token, index, all) => STATUS_FUNCTIONS.includes(token) && all[index + 1] === '(');
  const implicit = hasStatus || (ctx.needResults ?? []).every((r) => r === 'success');
  return implicit && truthy(evaluate(expression, ctx));
}

/** Replaces each `${{ … }}` in a string; a value that is only one expression keeps its type. */
export function interpolate(value: unknown, ctx: ExpressionContext): Value {
  if (typeof value !== 'string') return value as Value;
  const whole = /^\s*\$\{\{\s*([\s\S]*?)\s*\}\}\s*$/.exec(value);
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, ctx);
  return value.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_all, expression: string) => asString(evaluate(expression, ctx)));
}

export function asString(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
