import type { PreviewContent } from './preview-content';
import { callToActionLabel } from '../ads/creative-rules';
import { layoutOf } from './preview-formats';

const escape = (text: string | undefined): string =>
  (text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{margin:0;font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;color:#1c1e21}
.post{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);margin:8px;overflow:hidden}
.head{display:flex;align-items:center;padding:12px;gap:8px}
.avatar{width:40px;height:40px;border-radius:50%;background:#0866ff;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.page{font-weight:600;font-size:15px}.sponsored{font-size:13px;color:#65676b}
.text{padding:0 12px 12px;font-size:15px;white-space:pre-wrap}
.media{width:100%;display:block;background:#dde1e6;aspect-ratio:1.91/1;object-fit:cover}
.foot{display:flex;align-items:center;justify-content:space-between;background:#f0f2f5;padding:10px 12px;gap:8px}
.caption{font-size:12px;color:#65676b;text-transform:uppercase}.headline{font-weight:600;font-size:16px}.desc{font-size:14px;color:#65676b}
.cta{background:#e4e6eb;border:0;border-radius:6px;padding:8px 12px;font-weight:600;font-size:15px;white-space:nowrap}
.story{position:relative;height:554px;margin:8px;border-radius:12px;overflow:hidden;background:#1c1e21;color:#fff}
.story .media{height:100%;aspect-ratio:auto}.story .head{position:absolute;top:0;left:0;right:0}
.story .bottom{position:absolute;bottom:0;left:0;right:0;padding:16px;background:linear-gradient(transparent,rgba(0,0,0,.7))}
.story .cta{display:block;width:100%;margin-top:8px;background:#fff}
.column{display:flex;gap:8px;padding:8px;background:#fff}.column .media{width:120px;aspect-ratio:1}
.sandbox{font-size:11px;color:#8a8d91;text-align:center;padding:4px}
`;

/**
 * The page behind a preview iframe: a mock of the ad as people would see it (feed post, story or right column),
 * with the Page, "Sponsored", the primary text, the image, the headline and the button. Everything is escaped.
 */
export function previewPage(content: PreviewContent): string {
  const { layout } = layoutOf(content.format);
  const button = callToActionLabel(content.callToAction);
  const caption = content.leadForm
    ? 'Form on Facebook'
    : (() => {
        try {
          return content.link ? new URL(content.link).hostname : '';
        } catch {
          return '';
        }
      })();
  const avatar = `<div class="avatar">${escape(content.pageName.slice(0, 1))}</div>`;
  const head = `<div class="head">${avatar}<div><div class="page">${escape(content.pageName)}</div><div class="sponsored">Sponsored</div></div></div>`;
  const image = content.imageUrl ? `<img class="media" src="${escape(content.imageUrl)}" alt="">` : '<div class="media"></div>';
  const cta = button ? `<button class="cta" type="button">${escape(button)}</button>` : '';
  let body: string;
  if (layout === 'story') {
    body = `<div class="story">${image}${head}<div class="bottom"><div class="text">${escape(content.body)}</div>${cta}</div></div>`;
  } else if (layout === 'column') {
    body = `<div class="column">${image}<div><div class="headline">${escape(content.title)}</div><div class="desc">${escape(content.body)}</div>${cta}</div></div>`;
  } else {
    body =
      `<div class="post">${head}<div class="text">${escape(content.body)}</div>${image}` +
      `<div class="foot"><div><div class="caption">${escape(caption)}</div><div class="headline">${escape(content.title)}</div>` +
      `<div class="desc">${escape(content.description)}</div></div>${cta}</div></div>`;
  }
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ad preview (sandbox)</title>` +
    `<link rel="icon" href="/favicon.ico"><style>${STYLE}</style></head>` +
    `<body data-format="${escape(content.format)}">${body}<div class="sandbox">Meta sandbox preview</div></body></html>`
  );
}
