import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Bull Board's UI without its one external request: its page links a Google Fonts stylesheet, which our content
 * security policy blocks (the browser logs an error on every visit) and which would tell Google who opens the board.
 * Builds, once per version, a copy of the UI's `dist/` whose page template lacks that link (its CSS falls back to
 * the system sans-serif) and whose static files are the package's own, and answers its base path for
 * `boardOptions.uiBasePath`. Safe with several processes starting together: each writes a temporary file and renames.
 */
export function selfContainedBoardUi(): string {
  const packageDir = dirname(require.resolve('@bull-board/ui/package.json'));
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const base = join(tmpdir(), `legeai-bull-board-ui-${version}`);
  const dist = join(base, 'dist');
  const template = join(dist, 'index.ejs');
  if (existsSync(template) && existsSync(join(dist, 'static'))) return base;

  mkdirSync(dist, { recursive: true });
  const page = withoutExternalFonts(readFileSync(join(packageDir, 'dist', 'index.ejs'), 'utf8'));
  const partial = `${template}.${process.pid}`;
  writeFileSync(partial, page);
  renameSync(partial, template);
  try {
    symlinkSync(join(packageDir, 'dist', 'static'), join(dist, 'static'), 'dir');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return base;
}

/** The template without stylesheet links to other origins. */
export function withoutExternalFonts(page: string): string {
  return page
    .replace(/<link[^>]+href="https?:\/\/[^"]+"[^>]*rel="stylesheet"[^>]*>\s*/g, '')
    .replace(/<link[^>]+rel="preconnect"[^>]*>\s*/g, '');
}
