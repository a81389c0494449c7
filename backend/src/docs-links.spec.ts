import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { API_DESCRIPTION } from './infra/http/swagger';

/**
 * The guides send readers to files: links, pictures, and the paths the developer guide cites as examples. A renamed
 * or deleted file leaves them pointing nowhere, so every one must exist, and every anchor must name a heading of its
 * page. Local only: reads files of the checkout.
 */

const ROOT = join(__dirname, '..', '..');
const GUIDES = ['README.md', 'docs/user-guide.md', 'docs/developer-guide.md', 'docs/going-live.md'];
/** Where the repository's own paths start, so that `npm start` or `/v1/leads` are not taken for one. */
const REPO_PATH = /^(?:backend|admin|libs|e2e|bench|docs|scripts)\/[\w./-]+$/;

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const exists = (file: string) => existsSync(join(ROOT, file));

/** The text outside fenced code blocks, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^[ \t]*```[^\n]*\n[\s\S]*?^[ \t]*```[^\n]*$/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  return new Set([...prose(markdown).matchAll(/^#{1,6}\s+(.+)$/gm)].map(([, heading]) => headingAnchor(heading)));
}

/** Link and image targets, as written: `[text](target)`, `![alt](target "title")`. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(([, target]) => target);
}

/**
 * Repository paths cited as code: inline code spans outside fences, and the `// path` comment that opens an excerpt
 * inside one.
 */
function citedPaths(markdown: string): string[] {
  const spans = [...prose(markdown).matchAll(/`([^`\n]+)`/g)].map(([, code]) => code.trim());
  const excerpts = [...markdown.matchAll(/^[ \t]*```[^\n]*\n\s*\/\/\s*(\S+)/gm)].map(([, path]) => path);
  return [...spans, ...excerpts].filter((path) => REPO_PATH.test(path)).map((path) => path.replace(/\/$/, ''));
}

/** Every problem of one guide: a missing file or a missing heading, with what the guide wrote. */
function problemsOf(guide: string): string[] {
  const text = read(guide);
  const problems: string[] = [];
  for (const target of linkTargets(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? guide : posix.normalize(posix.join(posix.dirname(guide), decodeURIComponent(path)));
    if (file.startsWith('..') || !exists(file)) {
      problems.push(`${guide}: link to ${target}: ${file} does not exist`);
      continue;
    }
    if (anchor && file.endsWith('.md') && existsSync(join(ROOT, file)) && !anchorsOf(read(file)).has(anchor)) {
      problems.push(`${guide}: link to ${target}: ${file} has no heading #${anchor}`);
    }
  }
  for (const path of citedPaths(text)) {
    if (!exists(path)) problems.push(`${guide}: cites ${path}, which does not exist`);
  }
  return problems;
}

describe('the guides and what they point to', () => {
  it('reads links, cited paths and anchors the way the guides write them', () => {
    const sample = [
      '# Read the Insights dashboard (Ads)',
      'See [the map](architecture.md#modules), ![shot](images/guide/x.png "A shot") and [Meta](https://developers.facebook.com/docs/).',
      'The jobs file `backend/src/app.queues.ts`, the folder `admin/src/app/features/`, a command `npm start`, a route `/v1/leads`.',
      '```ts',
      '// backend/src/modules/meta-catalog/meta-catalog.module.ts',
      'const link = [a](not-a-link.md);',
      '```',
    ].join('\n');
    expect(linkTargets(sample)).toEqual(['architecture.md#modules', 'images/guide/x.png', 'https://developers.facebook.com/docs/']);
    expect(citedPaths(sample)).toEqual([
      'backend/src/app.queues.ts',
      'admin/src/app/features',
      'backend/src/modules/meta-catalog/meta-catalog.module.ts',
    ]);
    expect([...anchorsOf(sample)]).toEqual(['read-the-insights-dashboard-ads']);
    expect(headingAnchor('4. The sync kit: failure policy and watermarks')).toBe('4-the-sync-kit-failure-policy-and-watermarks');
  });

  it.each(GUIDES)('%s: every link, picture, anchor and cited path exists', (guide) => {
    // Guards against a vacuous pass: each guide links or cites something.
    expect(linkTargets(read(guide)).length + citedPaths(read(guide)).length).toBeGreaterThan(0);
    expect(problemsOf(guide)).toEqual([]);
  });

  it('the README lists the guides', () => {
    const readme = read('README.md');
    for (const guide of ['docs/user-guide.md', 'docs/developer-guide.md', 'docs/going-live.md', 'docs/outgoing-webhooks.md']) {
      expect(linkTargets(readme)).toContain(guide);
    }
  });

  it('every picture in docs/images/guide is shown by the user guide (the browser spec retakes only those)', () => {
    const shown = new Set(linkTargets(read('docs/user-guide.md')));
    const pictures = readdirSync(join(ROOT, 'docs/images/guide')).filter((file) => file.endsWith('.png'));
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures.filter((file) => !shown.has(`images/guide/${file}`))).toEqual([]);
  });

  it("Swagger's description names the user guide, the developer guide and the webhook verification by paths that exist", () => {
    const cited = [...API_DESCRIPTION.matchAll(/`([^`]+)`/g)].map(([, code]) => code).filter((code) => REPO_PATH.test(code));
    expect(cited).toEqual(expect.arrayContaining(['docs/user-guide.md', 'docs/developer-guide.md', 'docs/outgoing-webhooks.md']));
    expect(cited.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
