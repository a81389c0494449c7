/** The insurance guardrails: pure rules, shared by the draft check, the creation flow and the edits. */
export * from './financial-category';
export * from './targeting-guardrails';
export * from './budget-guardrails';
export * from './lead-campaign-guardrails';
