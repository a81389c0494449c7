import { ComponentFixture, TestBed } from '@angular/core/testing';

import { formatInstant } from '../../time/format-time';
import { Timestamp, TimestampShow } from './timestamp';

describe(Timestamp.name, () => {
  let fixture: ComponentFixture<Timestamp>;
  const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();

  async function render(at: string | null, show?: TimestampShow): Promise<HTMLElement> {
    fixture = TestBed.createComponent(Timestamp);
    fixture.componentRef.setInput('at', at);
    if (show) {
      fixture.componentRef.setInput('show', show);
    }
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says how long ago, with the exact time in the title and the instant machine-readable', async () => {
    const time = (await render(fiveMinutesAgo)).querySelector('time')!;

    expect(time.textContent?.trim()).toBe('5 minutes ago');
    expect(time.getAttribute('title')).toBe(formatInstant(fiveMinutesAgo));
    expect(time.getAttribute('datetime')).toBe(fiveMinutesAgo);
  });

  it('shows the exact time in the locale, with how long ago as the title', async () => {
    const time = (await render(fiveMinutesAgo, 'absolute')).querySelector('time')!;

    expect(time.textContent?.trim()).toBe(formatInstant(fiveMinutesAgo));
    expect(time.getAttribute('title')).toBe('5 minutes ago');
  });

  it('shows the date only when asked, for days such as "member since"', async () => {
    fixture = TestBed.createComponent(Timestamp);
    fixture.componentRef.setInput('at', fiveMinutesAgo);
    fixture.componentRef.setInput('show', 'absolute');
    fixture.componentRef.setInput('precision', 'date');
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe(formatInstant(fiveMinutesAgo, 'date'));
  });

  it('shows both', async () => {
    const text = (await render(fiveMinutesAgo, 'both')).textContent.replace(/\s+/g, ' ').trim();
    expect(text).toBe(`5 minutes ago (${formatInstant(fiveMinutesAgo)})`);
  });

  it('shows a dash without an instant', async () => {
    expect((await render(null)).textContent?.trim()).toBe('—');
  });
});
