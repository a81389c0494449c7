import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';

import { Notifier } from './notifier';

@Component({ template: '' })
class Host {}

describe(Notifier.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
  });

  async function shown(show: (sut: Notifier) => void): Promise<MatSnackBarHarness> {
    const fixture = TestBed.createComponent(Host);
    show(TestBed.inject(Notifier));
    // The snack bar is loaded with the first message; the app counts as busy until it is shown.
    await fixture.whenStable();
    return TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness);
  }

  it('shows information without an action', async () => {
    const snackBar = await shown((sut) => sut.info('Mapping saved.'));
    expect(await snackBar.getMessage()).toBe('Mapping saved.');
    expect(await snackBar.hasAction()).toBe(false);
  });

  it('shows an error with a way to dismiss it, announced assertively', async () => {
    const snackBar = await shown((sut) => sut.error('The server cannot be reached.'));
    expect(await snackBar.getMessage()).toBe('The server cannot be reached.');
    expect(await snackBar.getActionDescription()).toBe('Dismiss');
    expect(await snackBar.getAriaLive()).toBe('assertive');
  });
});
