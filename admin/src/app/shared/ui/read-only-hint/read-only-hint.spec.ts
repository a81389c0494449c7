import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@legeai/contracts';

import { aCurrentUser } from '../../../../testing/factories';
import { signIn } from '../../../../testing/sign-in';
import { ReadOnlyHint } from './read-only-hint';

describe(ReadOnlyHint.name, () => {
  it("names the signed-in user's role in words and who can act instead", async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    await signIn(aCurrentUser({ role: Role.Viewer }));
    const fixture = TestBed.createComponent(ReadOnlyHint);
    fixture.componentRef.setInput('detail', 'Managers and admins move leads along the pipeline.');
    await fixture.whenStable();

    const hint = (fixture.nativeElement as HTMLElement).querySelector('[role="note"] span');
    expect(hint?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Read-only: your role is Viewer. Managers and admins move leads along the pipeline.',
    );
  });
});
