/** An insights `filtering` comparison (https://developers.facebook.com/docs/marketing-api/insights/parameters/). */
export function compare(actual: string | number, operator: string, expected: unknown): boolean {
  const list = Array.isArray(expected) ? expected.map(String) : [String(expected)];
  switch (operator) {
    case 'IN':
      return list.includes(String(actual));
    case 'NOT_IN':
      return !list.includes(String(actual));
    case 'EQUAL':
      return String(actual) === String(expected);
    case 'NOT_EQUAL':
      return String(actual) !== String(expected);
    case 'CONTAIN':
      return String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'NOT_CONTAIN':
      return !String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'GREATER_THAN':
      return Number(actual) > Number(expected);
    case 'GREATER_THAN_OR_EQUAL':
      return Number(actual) >= Number(expected);
    case 'LESS_THAN':
      return Number(actual) < Number(expected);
    case 'LESS_THAN_OR_EQUAL':
      return Number(actual) <= Number(expected);
  }
  return true;
}
