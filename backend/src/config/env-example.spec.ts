import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { EnvSchema } from './env.schema';

/** `.env.example` is the operator's list of settings: it must name exactly the variables the backend validates. */
describe('.env.example', () => {
  const example = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
  const listed = new Set(
    example
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name)),
  );
  const validated = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(EnvSchema, '', true, false)
      .map((meta) => meta.propertyName),
  );

  it('lists every variable the schema validates', () => {
    expect([...validated].filter((name) => !listed.has(name))).toEqual([]);
  });

  it('lists no variable the schema does not know', () => {
    expect([...listed].filter((name) => !validated.has(name))).toEqual([]);
  });

  it('gives every variable a one-line comment just above it', () => {
    const lines = example.split('\n');
    const uncommented = lines
      .map((line, i) => ({ name: /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1], above: lines[i - 1] ?? '' }))
      .filter(({ name, above }) => name && !/^# \S/.test(above))
      .map(({ name }) => name);
    expect(uncommented).toEqual([]);
  });
});
