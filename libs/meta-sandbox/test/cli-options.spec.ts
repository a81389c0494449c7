import { startSandbox, type RunningSandbox } from '../src';
import { cliOptions } from '../src/cli-options';
import { VERSION } from './support/test-sandbox';

/** The product's callback when it runs with nothing configured (PORT 3000, no PUBLIC_URL). */
const PRODUCT_CALLBACK = 'http://localhost:3000/v1/integrations/meta/callback';

describe('standalone sandbox options (npm run sandbox)', () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  const dialog = (redirectUri: string) =>
    fetch(
      `${sandbox!.url}/${VERSION}/dialog/oauth?` +
        new URLSearchParams({
          client_id: sandbox!.appId,
          redirect_uri: redirectUri,
          state: 's',
          scope: 'email',
          response_type: 'code',
        }).toString(),
    );

  it("accepts the product's default callback, by localhost and 127.0.0.1, with nothing configured", async () => {
    sandbox = await startSandbox(cliOptions({ SANDBOX_PORT: '0' }));
    expect((await dialog(PRODUCT_CALLBACK)).status).toBe(200);
    expect((await dialog('http://127.0.0.1:3000/v1/integrations/meta/callback')).status).toBe(200);
  });

  it('keeps exact matching: a near miss of the default is blocked', async () => {
    sandbox = await startSandbox(cliOptions({ SANDBOX_PORT: '0' }));
    for (const nearMiss of [`${PRODUCT_CALLBACK}/`, `${PRODUCT_CALLBACK}?x=1`, 'http://localhost:3001/v1/integrations/meta/callback']) {
      const res = await dialog(nearMiss);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('URL blocked');
    }
  });

  it('replaces the defaults with SANDBOX_REDIRECT_URIS, and keeps them when it is blank', async () => {
    const custom = 'https://crm.example.test/v1/integrations/meta/callback';
    expect(cliOptions({ SANDBOX_REDIRECT_URIS: ` ${custom} , http://localhost:4200/cb ` }).redirectUris).toEqual([
      custom,
      'http://localhost:4200/cb',
    ]);
    expect(cliOptions({ SANDBOX_REDIRECT_URIS: ' , ' }).redirectUris).toContain(PRODUCT_CALLBACK);

    sandbox = await startSandbox(cliOptions({ SANDBOX_PORT: '0', SANDBOX_REDIRECT_URIS: custom }));
    expect((await dialog(custom)).status).toBe(200);
    expect((await dialog(PRODUCT_CALLBACK)).status).toBe(400);
  });

  it('refuses a SANDBOX_PORT that is not a port number', () => {
    expect(() => cliOptions({ SANDBOX_PORT: '70000' })).toThrow('SANDBOX_PORT must be a port number, got 70000');
  });
});
