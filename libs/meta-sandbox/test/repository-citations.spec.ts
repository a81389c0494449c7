import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every claim about Meta in the repository cites a page a reader can open: Meta's documentation by URL
 * (https://developers.facebook.com/docs/...), or one of our own docs. Citations of numbered sections of a document
 * that is not in the repository send the reader nowhere, so none may come back. This lives with the sandbox, the
 * place that cites Meta most, but it reads every tracked file of the monorepo. Local only: `git ls-files` and reads.
 */

const ROOT = join(__dirname, '..', '..', '..');
const THIS_FILE = relative(ROOT, __filename).split('\\').join('/');

// Built from parts so that this file does not match itself.
const SECTION_SIGN = '\u00a7';
const FORBIDDEN: readonly RegExp[] = [new RegExp(`notes\\s*${SECTION_SIGN}`, 'i'), new RegExp(['API', 'notes'].join('\\s+'), 'i')];

interface Offence {
  file: string;
  line: number;
  text: string;
}

function offencesIn(file: string, text: string): Offence[] {
  const offences: Offence[] = [];
  text.split('\n').forEach((line, index) => {
    if (FORBIDDEN.some((pattern) => pattern.test(line))) offences.push({ file, line: index + 1, text: line.trim() });
  });
  return offences;
}

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out
    .split('\0')
    .filter((file) => file !== '')
    .filter((file) => !file.split('/').some((part) => part === 'node_modules' || part === 'dist'));
}

describe('citations in the repository', () => {
  it('the check flags the citation forms it exists to keep out, and leaves Meta links alone', () => {
    const sample = [
      `/** Leads are kept 90 days (notes ${SECTION_SIGN}3.3). */`,
      `// see ${SECTION_SIGN}8.2 of the API ${'notes'}.`,
      `Per the api  ${'Notes'}, the code is 190.`,
      '/** Leads are kept 90 days (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). */',
      'const notes = [...result.notes];',
    ].join('\n');
    expect(offencesIn('sample.ts', sample).map((offence) => offence.line)).toEqual([1, 2, 3]);
  });

  it('no tracked file cites sections of a document that is not in the repository', () => {
    const files = trackedFiles();
    // Guards against a vacuous pass (run outside a checkout, or from the wrong directory).
    expect(files).toContain(THIS_FILE);

    const offences: Offence[] = [];
    for (const file of files) {
      const path = join(ROOT, file);
      if (!existsSync(path)) continue; // deleted in the working tree, not yet committed
      const bytes = readFileSync(path);
      if (bytes.includes(0)) continue; // binary
      offences.push(...offencesIn(file, bytes.toString('utf8')));
    }
    expect(offences.map((offence) => `${offence.file}:${offence.line}: ${offence.text}`)).toEqual([]);
  });
});
