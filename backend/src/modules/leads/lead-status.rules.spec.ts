import { LEAD_STATUSES, LeadStatus } from '@legeai/contracts';
import { ApiError } from '../../common/errors/api-error';
import { allowedTransitions, assertTransition } from './lead-status.rules';

describe(assertTransition.name, () => {
  it.each([
    [LeadStatus.New, LeadStatus.Contacted],
    [LeadStatus.New, LeadStatus.Won],
    [LeadStatus.Contacted, LeadStatus.Quoted],
    [LeadStatus.Quoted, LeadStatus.Won],
    [LeadStatus.Qualified, LeadStatus.Lost],
  ])('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    [LeadStatus.Quoted, LeadStatus.Contacted],
    [LeadStatus.Won, LeadStatus.Lost],
    [LeadStatus.Lost, LeadStatus.Won],
    [LeadStatus.Lost, LeadStatus.New],
    [LeadStatus.Won, LeadStatus.Quoted],
    [LeadStatus.New, LeadStatus.New],
  ])('refuses %s → %s with 409', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(ApiError);
    try {
      assertTransition(from, to);
    } catch (error) {
      expect((error as ApiError).getStatus()).toBe(409);
    }
  });

  it('names the allowed moves in the message and details', () => {
    try {
      assertTransition(LeadStatus.Quoted, LeadStatus.New);
      throw new Error('expected a conflict');
    } catch (error) {
      const e = error as ApiError;
      expect(e.message).toBe('Cannot move a lead from quoted to new; allowed: won, lost');
      expect(e.details).toEqual({ from: 'quoted', to: 'new', allowed: ['won', 'lost'] });
    }
  });

  it('says a closed status is left by reopening', () => {
    expect(() => assertTransition(LeadStatus.Won, LeadStatus.Lost)).toThrow(/no moves are allowed from won; .*reopen/);
    expect(() => assertTransition(LeadStatus.Lost, LeadStatus.New)).toThrow(/reopen/);
  });

  it('never allows staying in place or going back: going back is a reopen, with a reason', () => {
    for (const from of LEAD_STATUSES) {
      expect(allowedTransitions(from)).not.toContain(from);
      const back = allowedTransitions(from).filter((to) => LEAD_STATUSES.indexOf(to) < LEAD_STATUSES.indexOf(from));
      expect(back).toEqual([]);
    }
  });
});
