import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { CreatedWebhookEndpointDto, Page, WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookEndpointDto } from '@legeai/contracts';

import { anErrorEnvelope } from '../../../../testing/factories';
import { provideTestConsole } from '../../../../testing/provide-test-console';
import { WebhooksPage } from './webhooks-page';

const endpoint = (over: Partial<WebhookEndpointDto> = {}): WebhookEndpointDto => ({
  id: 'e-1',
  url: 'https://crm.example.com/hooks',
  description: 'CRM',
  eventTypes: ['lead.created', 'lead.status_changed'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  previousSecretExpiresAt: null,
  secretRotatedAt: null,
  lastSuccessAt: null,
  failingSince: null,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...over,
});

const delivery = (over: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto => ({
  id: 'd-1',
  endpointId: 'e-1',
  endpointUrl: 'https://crm.example.com/hooks',
  eventId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  eventType: 'lead.created',
  state: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastStatus: 200,
  lastError: null,
  deliveredAt: '2026-12-01T10:00:01Z',
  test: false,
  createdAt: '2026-12-01T10:00:00Z',
  ...over,
});

const page = (items: WebhookDeliveryDto[]): Page<WebhookDeliveryDto> => ({ items, total: items.length, limit: 20, offset: 0 });

describe('WebhooksPage', () => {
  let fixture: ComponentFixture<WebhooksPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [WebhooksPage], providers: provideTestConsole() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WebhooksPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => http.verify());

  async function load(endpoints: WebhookEndpointDto[], deliveries: WebhookDeliveryDto[] = []): Promise<void> {
    http.expectOne('/v1/webhooks/endpoints').flush(endpoints);
    http.expectOne((r) => r.url === '/v1/webhooks/deliveries').flush(page(deliveries));
    await fixture.whenStable();
  }

  const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');

  it('lists endpoints with their events in words, and a disabled one with its reason', async () => {
    await load(
      [endpoint(), endpoint({ id: 'e-2', enabled: false, disabledReason: 'All 10 attempts of event x failed (last: HTTP 500)' })],
      [delivery()],
    );

    const [endpoints, deliveries] = await loader.getAllHarnesses(MatTableHarness);
    const cells = await endpoints.getCellTextByColumnName();
    expect(cells['events'].text[0]).toBe('Lead created, Lead status changed');
    expect(cells['status'].text[0]).toBe('Enabled');
    expect(cells['status'].text[1]).toContain('Disabled');
    expect(cells['status'].text[1]).toContain('All 10 attempts of event x failed (last: HTTP 500)');
    expect((await deliveries.getCellTextByColumnName())['state'].text).toEqual(['Delivered']);
  });

  it('shows the empty states', async () => {
    await load([]);
    expect(text()).toContain('No endpoints yet');
    expect(text()).toContain('No deliveries');
  });

  it('shows an error state with a retry', async () => {
    http.expectOne('/v1/webhooks/endpoints').flush(anErrorEnvelope(500, 'internal_error', 'Boom'), { status: 500, statusText: 'Error' });
    http.expectOne((r) => r.url === '/v1/webhooks/deliveries').flush(page([]));
    await fixture.whenStable();
    expect(text()).toContain('Endpoints could not be loaded');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    http.expectOne('/v1/webhooks/endpoints').flush([endpoint()]);
    await fixture.whenStable();
    expect(text()).toContain('https://crm.example.com/hooks');
  });

  it('creates an endpoint and shows its secret once, then lists it without the secret', async () => {
    await load([]);
    await (await loader.getHarness(MatButtonHarness.with({ text: /New endpoint/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    const [url] = await dialog.getAllHarnesses(MatInputHarness);
    await url.setValue('https://crm.example.com/new');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add endpoint' }))).click();
    const req = http.expectOne({ method: 'POST', url: '/v1/webhooks/endpoints' });
    expect(req.request.body).toEqual({
      url: 'https://crm.example.com/new',
      description: null,
      eventTypes: ['lead.created', 'lead.updated', 'lead.status_changed', 'lead.duplicate_detected'],
    });
    const created: CreatedWebhookEndpointDto = {
      ...endpoint({ id: 'e-9', url: 'https://crm.example.com/new' }),
      secret: 'whsec_shown_once',
    };
    req.flush(created);
    await fixture.whenStable();
    expect(document.body.textContent).toContain('whsec_shown_once');
    expect(document.body.textContent).toContain("You won't see it again");
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have stored the secret' }))).click();
    await fixture.whenStable();
    expect(text()).toContain('https://crm.example.com/new');
    expect(document.body.textContent).not.toContain('whsec_shown_once');
  });

  it('sends a test event and opens a delivery with its request and answer, and replays it', async () => {
    await load([endpoint()], [delivery()]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Send test event' }))).click();
    const tested: WebhookDeliveryDetailDto = { ...delivery({ id: 'd-2', eventType: 'webhook.test', test: true }), attemptLog: [] };
    http.expectOne({ method: 'POST', url: '/v1/webhooks/endpoints/e-1/test' }).flush(tested);
    http.expectOne((r) => r.url === '/v1/webhooks/deliveries').flush(page([delivery()]));
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Requests and answers' }))).click();
    const detail: WebhookDeliveryDetailDto = {
      ...delivery(),
      attemptLog: [
        {
          id: 'a-1',
          at: '2026-12-01T10:00:01Z',
          durationMs: 12,
          request: { url: 'https://crm.example.com/hooks', headers: { 'LegeAI-Signature': 't=1,v1=abc' }, body: '{"id":"x"}' },
          response: { status: 200, bodyExcerpt: 'thanks' },
          error: null,
          success: true,
        },
      ],
    };
    http.expectOne('/v1/webhooks/deliveries/d-1').flush(detail);
    await fixture.whenStable();
    expect(document.body.textContent).toContain('LegeAI-Signature: t=1,v1=abc');
    expect(document.body.textContent).toContain('{"id":"x"}');
    expect(document.body.textContent).toContain('thanks');

    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Replay/ }))).click();
    http
      .expectOne({ method: 'POST', url: '/v1/webhooks/deliveries/d-1/replay' })
      .flush({ ...detail, attemptLog: [...detail.attemptLog, { ...detail.attemptLog[0], id: 'a-2' }] });
    await fixture.whenStable();
    expect(document.body.querySelectorAll('[data-testid="delivery-attempt"]').length).toBe(2);
  });
});
