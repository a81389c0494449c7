import { GraphErrors } from './graph-errors';

/**
 * The `fields` parameter: `id,name,campaigns.limit(5){name,adsets{name}}`
 * (https://developers.facebook.com/docs/graph-api/guides/field-expansion). Modifiers such as `.limit(n)`,
 * `.since(t)`, `.until(t)`, `.summary(true)` apply to nested edges.
 */
export interface FieldRequest {
  name: string;
  modifiers: Record<string, string>;
  /** Sub-fields from `{…}`; undefined means "the default fields". */
  children?: FieldRequest[];
}

/**
 * Writes a field list back as Graph syntax (`name,adsets.limit(2){name}`): a nested edge's `paging.next` carries
 * its own `fields`, the way Meta's do, so following it returns the same sub-fields.
 */
export function formatFields(fields: FieldRequest[]): string {
  return fields
    .map((field) => {
      const modifiers = Object.entries(field.modifiers)
        .map(([name, value]) => `.${name}(${value})`)
        .join('');
      const children = field.children ? `{${formatFields(field.children)}}` : '';
      return `${field.name}${modifiers}${children}`;
    })
    .join(',');
}

export function parseFields(text: string | undefined): FieldRequest[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parser = new FieldParser(text);
  const fields = parser.list();
  parser.expectEnd();
  return fields;
}

class FieldParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  list(): FieldRequest[] {
    const fields: FieldRequest[] = [];
    for (;;) {
      this.skipSpaces();
      fields.push(this.field());
      this.skipSpaces();
      if (this.peek() !== ',') return fields;
      this.pos++;
    }
  }

  expectEnd(): void {
    this.skipSpaces();
    if (this.pos < this.text.length) this.fail();
  }

  private field(): FieldRequest {
    const name = this.identifier();
    const modifiers: Record<string, string> = {};
    while (this.peek() === '.') {
      this.pos++;
      const modifier = this.identifier();
      if (this.peek() !== '(') this.fail();
      const close = this.text.indexOf(')', this.pos);
      if (close < 0) this.fail();
      modifiers[modifier] = this.text.slice(this.pos + 1, close).trim();
      this.pos = close + 1;
    }
    let children: FieldRequest[] | undefined;
    if (this.peek() === '{') {
      this.pos++;
      children = this.list();
      this.skipSpaces();
      if (this.peek() !== '}') this.fail();
      this.pos++;
    }
    return { name, modifiers, children };
  }

  private identifier(): string {
    const match = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.pos));
    if (!match) this.fail();
    this.pos += match[0].length;
    return match[0];
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }

  private fail(): never {
    throw GraphErrors.invalidParameter(
      `Syntax error "Expected end of string instead of "${this.text.slice(this.pos, this.pos + 1)}"." at character ${this.pos}: ${this.text}`,
    );
  }
}
