/** The person-duplicate lookup lives with the lead store (leads); lead capture uses it through the store's surface. */
export { findPersonDuplicate, personDuplicateQuery, type DuplicateMatchRule, type DuplicateRule, type PersonKey } from '../../leads';
