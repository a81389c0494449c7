import type { ProductRecord } from './catalog-state';
import { GraphErrors } from '../../core/graph-errors';
import { isObject, parseJson } from '../marketing-params';

/**
 * The `filter` parameter of `/{catalog-id}/products` and product sets: a JSON rule such as
 * `{"retailer_id":{"is_any":["SKU-1","SKU-2"]}}`, combinable with `{"and":[…]}` / `{"or":[…]}`
 * (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/products/ and the product set filter
 * rules, https://developers.facebook.com/docs/marketing-api/catalog/guides/product-sets). Unknown fields and
 * operators are refused with code 100 naming them.
 */

export type ProductPredicate = (product: ProductRecord) => boolean;

const TEXT_FIELDS: Record<string, (p: ProductRecord) => string | undefined> = {
  retailer_id: (p) => p.retailerId,
  name: (p) => p.name,
  description: (p) => p.description,
  availability: (p) => p.availability,
  condition: (p) => p.condition,
  brand: (p) => p.brand,
  product_type: (p) => p.productType,
  currency: (p) => p.currency,
  custom_label_0: (p) => p.customLabels[0],
  custom_label_1: (p) => p.customLabels[1],
  custom_label_2: (p) => p.customLabels[2],
  custom_label_3: (p) => p.customLabels[3],
  custom_label_4: (p) => p.customLabels[4],
};
/** `price` compares in major units, as the feed writes it. */
const NUMBER_FIELDS: Record<string, (p: ProductRecord) => number> = { price: (p) => p.priceMinor / 100 };

const TEXT_OPERATORS = [
  'eq',
  'neq',
  'is_any',
  'is_not_any',
  'contains',
  'not_contains',
  'i_contains',
  'i_not_contains',
  'starts_with',
  'i_starts_with',
];
const NUMBER_OPERATORS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'is_any', 'is_not_any'];

const invalid = (detail: string) => GraphErrors.invalidParameter(`Param filter is invalid: ${detail}`);

function textTest(field: string, operator: string, operand: unknown): (value: string | undefined) => boolean {
  const list = (): string[] => {
    if (!Array.isArray(operand) || operand.some((item) => typeof item !== 'string' && typeof item !== 'number'))
      throw invalid(`${field}.${operator} needs an array of strings`);
    return operand.map(String);
  };
  const one = (): string => {
    if (typeof operand !== 'string' && typeof operand !== 'number') throw invalid(`${field}.${operator} needs a string`);
    return String(operand);
  };
  switch (operator) {
    case 'eq': {
      const v = one();
      return (value) => value === v;
    }
    case 'neq': {
      const v = one();
      return (value) => value !== v;
    }
    case 'is_any': {
      const set = new Set(list());
      return (value) => value !== undefined && set.has(value);
    }
    case 'is_not_any': {
      const set = new Set(list());
      return (value) => value === undefined || !set.has(value);
    }
    case 'contains': {
      const v = one();
      return (value) => value !== undefined && value.includes(v);
    }
    case 'not_contains': {
      const v = one();
      return (value) => value === undefined || !value.includes(v);
    }
    case 'i_contains': {
      const v = one().toLowerCase();
      return (value) => value !== undefined && value.toLowerCase().includes(v);
    }
    case 'i_not_contains': {
      const v = one().toLowerCase();
      return (value) => value === undefined || !value.toLowerCase().includes(v);
    }
    case 'starts_with': {
      const v = one();
      return (value) => value !== undefined && value.startsWith(v);
    }
    case 'i_starts_with': {
      const v = one().toLowerCase();
      return (value) => value !== undefined && value.toLowerCase().startsWith(v);
    }
    default:
      throw invalid(`unknown operator ${operator} for ${field}; use one of ${TEXT_OPERATORS.join(', ')}`);
  }
}

function numberTest(field: string, operator: string, operand: unknown): (value: number) => boolean {
  const num = (raw: unknown): number => {
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value)) throw invalid(`${field}.${operator} needs a number`);
    return value;
  };
  if (operator === 'is_any' || operator === 'is_not_any') {
    if (!Array.isArray(operand)) throw invalid(`${field}.${operator} needs an array of numbers`);
    const set = new Set(operand.map(num));
    return operator === 'is_any' ? (value) => set.has(value) : (value) => !set.has(value);
  }
  const v = num(operand);
  switch (operator) {
    case 'eq':
      return (value) => value === v;
    case 'neq':
      return (value) => value !== v;
    case 'lt':
      return (value) => value < v;
    case 'lte':
      return (value) => value <= v;
    case 'gt':
      return (value) => value > v;
    case 'gte':
      return (value) => value >= v;
    default:
      throw invalid(`unknown operator ${operator} for ${field}; use one of ${NUMBER_OPERATORS.join(', ')}`);
  }
}

function compile(rule: unknown): ProductPredicate {
  if (!isObject(rule) || Object.keys(rule).length === 0) throw invalid('each rule must be a non-empty JSON object');
  const parts: ProductPredicate[] = [];
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0) throw invalid(`${key} needs a non-empty array of rules`);
      const inner = value.map(compile);
      parts.push(key === 'and' ? (p) => inner.every((test) => test(p)) : (p) => inner.some((test) => test(p)));
      continue;
    }
    const text = TEXT_FIELDS[key];
    const number = NUMBER_FIELDS[key];
    if (!text && !number) throw invalid(`unknown field ${key}`);
    if (!isObject(value) || Object.keys(value).length === 0) throw invalid(`${key} needs an operator object like {"eq": …}`);
    for (const [operator, operand] of Object.entries(value)) {
      if (text) {
        const test = textTest(key, operator, operand);
        parts.push((p) => test(text(p)));
      } else {
        const test = numberTest(key, operator, operand);
        parts.push((p) => test(number(p)));
      }
    }
  }
  return (p) => parts.every((test) => test(p));
}

/** The predicate of a `filter` parameter; undefined when there is none. */
export function productFilter(raw: string | undefined): ProductPredicate | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return compile(parseJson(raw, 'filter'));
}
