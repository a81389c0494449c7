import { FieldError } from '@legeai/contracts';

/**
 * C0 control characters and DEL. No query, path or key of the API has a use for them, and they do harm downstream:
 * PostgreSQL refuses NUL in text and jsonb ("invalid byte sequence", a 500 where the client deserved a 400),
 * and the others forge lines in logs and CSV exports or hide text from the person reading it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this file's purpose
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
/**
 * In JSON body values, tab, line feed and carriage return are text: a product description, a reopen reason or a
 * mapping default may span lines. Everything else of C0 and DEL is still refused.
 */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_CHARACTER_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const MESSAGE = 'must not contain control characters (U+0000 to U+001F, U+007F)';
const TEXT_MESSAGE = 'must not contain control characters (U+0000 to U+001F except tab and line breaks, U+007F)';

export interface ControlCharacterOptions {
  /** Whether string values may hold tab, LF and CR (JSON bodies); keys never may. */
  allowLineBreaks?: boolean;
}

/** More than this many offending fields in one request add nothing to the answer. */
const MAX_REPORTED = 10;

/**
 * Every string in a request's query, path parameters or JSON body (nested objects, arrays and object keys
 * included) that holds a control character, named by its path (`defaults.city`, `required.0`). `root` names a
 * value that is itself one parameter (`@Query('hub.mode')`). Walks with its own stack: a deeply nested body cannot
 * overflow the call stack.
 */
export function controlCharacterFields(value: unknown, root = '', options: ControlCharacterOptions = {}): FieldError[] {
  const valuePattern = options.allowLineBreaks ? CONTROL_CHARACTER_IN_TEXT : CONTROL_CHARACTER;
  const valueMessage = options.allowLineBreaks ? TEXT_MESSAGE : MESSAGE;
  const found: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length && found.length < MAX_REPORTED) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (valuePattern.test(current)) found.push({ field: path || 'value', messages: [`${path || 'value'} ${valueMessage}`] });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], join(path, String(i))]);
    } else if (isPlainObject(current)) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const field = join(path, printable(key));
        if (CONTROL_CHARACTER.test(key)) found.push({ field, messages: [`the name of ${field} ${MESSAGE}`] });
        else stack.push([current[key], field]);
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** A key as it can be shown back: control characters escaped (`a\u0000b`). */
const printable = (key: string) => (CONTROL_CHARACTER.test(key) ? JSON.stringify(key).slice(1, -1) : key);

/**
 * JSON bodies are plain objects; query strings are null-prototype ones, or (Fastify's parser) made by a constructor
 * whose prototype has none. Anything else (a Buffer) is not walked.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}
