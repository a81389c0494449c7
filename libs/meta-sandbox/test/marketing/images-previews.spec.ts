import { createHash } from 'node:crypto';
import { DEMO_IDS, RunningSandbox } from '../../src';
import { placeholderPng } from '../../src/marketing/images/image-format';
import { startTestSandbox } from '../support/test-sandbox';
import { appsecretProof, graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, AUTO_AD, CLOCK_START } from './marketing-fixtures';

const PNG = placeholderPng(120, 80, [200, 40, 40], [250, 250, 250]);
/** A minimal JPEG header with a start-of-frame marker: 640×360. */
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108016802800301220002110103110100', 'hex');

describe('Marketing API: ad images and previews', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clockStart: CLOCK_START });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await loginAs(sandbox);
  });

  const post = (path: string, params: Record<string, string>) => graph(sandbox, 'POST', path, { token, params });
  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });

  describe('adimages', () => {
    it('uploads base64 bytes and answers images.bytes with the MD5 hash and a URL that serves the image', async () => {
      const res = await post(`${ACT}/adimages`, { bytes: PNG.toString('base64') });
      const hash = createHash('md5').update(PNG).digest('hex');
      expect(res.body).toEqual({ images: { bytes: { hash, url: expect.stringContaining(hash) } } });
      const served = await fetch(res.body.images.bytes.url);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    });

    it('uploads files in a multipart body, keyed by file name, and reads their size', async () => {
      const form = new FormData();
      form.set('access_token', token);
      form.set('appsecret_proof', appsecretProof(sandbox.appSecret, token));
      form.set('banner.png', new Blob([PNG], { type: 'image/png' }), 'banner.png');
      form.set('photo.jpg', new Blob([JPEG], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await fetch(`${sandbox.url}/v25.0/${ACT}/adimages`, { method: 'POST', body: form });
      const body = (await res.json()) as any;
      expect(res.status).toBe(200);
      expect(Object.keys(body.images).sort()).toEqual(['banner.png', 'photo.jpg']);
      const listed = await get(`${ACT}/adimages`, {
        fields: 'hash,name,width,height',
        hashes: JSON.stringify([body.images['photo.jpg'].hash]),
      });
      expect(listed.body.data).toEqual([
        {
          id: `${DEMO_IDS.adAccounts.autoHome}:${body.images['photo.jpg'].hash}`,
          hash: body.images['photo.jpg'].hash,
          name: 'photo.jpg',
          width: 640,
          height: 360,
        },
      ]);
    });

    it('refuses bytes that are not an image, and an upload without any', async () => {
      const bad = await post(`${ACT}/adimages`, { bytes: Buffer.from('not an image at all').toString('base64') });
      expect(bad.body.error).toMatchObject({ code: 100, error_user_title: 'Invalid Image' });
      expect((await post(`${ACT}/adimages`, {})).body.error.code).toBe(100);
    });

    it('lists the demo images and refuses to delete one a creative uses', async () => {
      const images = (await get(`${ACT}/adimages`, { fields: 'hash,name,creatives' })).body.data;
      expect(images.map((image: { name: string }) => image.name)).toEqual(
        expect.arrayContaining(['harbor-point-auto.png', 'harbor-point-home.png']),
      );
      const used = images.find((image: { creatives: string[] }) => image.creatives.length > 0);
      const refused = await graph(sandbox, 'DELETE', `${ACT}/adimages`, { token, params: { hash: used.hash } });
      expect(refused.body.error).toMatchObject({ code: 100, error_user_title: 'Image In Use' });
      const fresh = await post(`${ACT}/adimages`, { bytes: PNG.toString('base64') });
      const removed = await graph(sandbox, 'DELETE', `${ACT}/adimages`, { token, params: { hash: fresh.body.images.bytes.hash } });
      expect(removed.body).toEqual({ success: true });
    });
  });

  describe('previews', () => {
    const iframeSrc = (body: string) => /src="([^"]+)"/.exec(body)![1].replace(/&amp;/g, '&');

    it('answers an iframe for a creative and serves a page with the Page, text, image, headline and button', async () => {
      const ad = (await get(AUTO_AD, { fields: 'creative{id}' })).body;
      const res = await get(`${ad.creative.id}/previews`, { ad_format: 'DESKTOP_FEED_STANDARD' });
      expect(res.body.data).toHaveLength(1);
      expect(res.body.data[0].body).toMatch(
        /^<iframe src="[^"]+preview_iframe\.php\?d=[^"]+&amp;t=[^"]+" width="540" height="690" scrolling="yes" style="border: none;"><\/iframe>$/,
      );
      const page = await fetch(iframeSrc(res.body.data[0].body));
      const html = await page.text();
      expect(page.headers.get('content-type')).toContain('text/html');
      for (const text of ['Harbor Point Insurance', 'Sponsored', 'Drivers save 15% on average', 'Get quote', 'Form on Facebook'])
        expect(html).toContain(text);
      const image = /<img class="media" src="([^"]+)"/.exec(html)![1];
      expect((await fetch(image)).status).toBe(200);
    });

    it('previews an ad in a story format, and refuses a missing or unknown ad_format', async () => {
      const story = await get(`${AUTO_AD}/previews`, { ad_format: 'INSTAGRAM_STORY' });
      expect(story.body.data[0].body).toContain('width="320" height="570"');
      expect((await get(`${AUTO_AD}/previews`)).body.error).toMatchObject({
        code: 100,
        message: '(#100) The parameter ad_format is required',
      });
      expect((await get(`${AUTO_AD}/previews`, { ad_format: 'BILLBOARD' })).body.error.code).toBe(100);
    });

    it('generates a preview of a creative spec that was never saved, escaping what it shows', async () => {
      const spec = {
        object_story_spec: {
          page_id: DEMO_IDS.pages.main,
          link_data: {
            message: 'Quotes <b>today</b>',
            name: 'Home & auto',
            link: 'https://fb.me/',
            call_to_action: { type: 'APPLY_NOW', value: { lead_gen_form_id: DEMO_IDS.forms.home } },
          },
        },
      };
      const res = await get(`${ACT}/generatepreviews`, { ad_format: 'MOBILE_FEED_STANDARD', creative: JSON.stringify(spec) });
      const html = await (await fetch(iframeSrc(res.body.data[0].body))).text();
      expect(html).toContain('Quotes &lt;b&gt;today&lt;/b&gt;');
      expect(html).toContain('Home &amp; auto');
      expect(html).toContain('Apply now');
      const bad = await get(`${ACT}/generatepreviews`, {
        ad_format: 'MOBILE_FEED_STANDARD',
        creative: JSON.stringify({
          object_story_spec: { page_id: DEMO_IDS.pages.main, link_data: { link: 'https://fb.me/', image_hash: 'nope' } },
        }),
      });
      expect(bad.body.error.error_user_title).toBe('Image not found');
    });

    it('serves a preview page only with its signature', async () => {
      const res = await get(`${AUTO_AD}/previews`, { ad_format: 'DESKTOP_FEED_STANDARD' });
      const url = new URL(iframeSrc(res.body.data[0].body));
      url.searchParams.set('t', '0'.repeat(32));
      expect((await fetch(url)).status).toBe(400);
    });

    it('gives every ad a shareable preview link', async () => {
      const ad = (await get(AUTO_AD, { fields: 'preview_shareable_link' })).body;
      const html = await (await fetch(ad.preview_shareable_link)).text();
      expect(html).toContain('Drivers save 15% on average');
    });
  });
});
