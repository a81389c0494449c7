import { prefersHtml } from './bull-board-auth.middleware';

describe(prefersHtml.name, () => {
  it('answers a browser navigating with the page, fetch() and curl with JSON', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(prefersHtml('application/json, text/plain, */*')).toBe(false);
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml(undefined)).toBe(false);
  });

  it('honours quality values, the earlier type winning at equal quality', () => {
    expect(prefersHtml('application/json;q=0.5, text/html')).toBe(true);
    expect(prefersHtml('text/html;q=0.4, application/json;q=0.9')).toBe(false);
    expect(prefersHtml('text/html, application/json')).toBe(true);
    expect(prefersHtml('application/json, text/html')).toBe(false);
  });
});
