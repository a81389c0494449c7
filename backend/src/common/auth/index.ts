export * from './principal';
export * from './access-rule.metadata';
export * from './public.decorator';
export * from './roles.decorator';
export * from './current-principal.decorator';
export * from './access-token-verifier';
