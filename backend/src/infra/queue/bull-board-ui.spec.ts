import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { selfContainedBoardUi, withoutExternalFonts } from './bull-board-ui';

describe('Bull Board UI without external requests', () => {
  it('drops the Google Fonts stylesheet and keeps the page and its own stylesheet', () => {
    const page = readFileSync(join(selfContainedBoardUi(), 'dist', 'index.ejs'), 'utf8');
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).toMatch(/<link href="static\/css\/[^"]+\.css" rel="stylesheet">/);
    expect(page).toContain('<%- uiConfig %>');
  });

  it("serves the package's own static files", () => {
    expect(readdirSync(join(selfContainedBoardUi(), 'dist', 'static'))).toEqual(expect.arrayContaining(['css', 'js']));
  });

  it('leaves a template without external links as it is', () => {
    const page = '<head><link href="static/css/a.css" rel="stylesheet"></head>';
    expect(withoutExternalFonts(page)).toBe(page);
  });
});
