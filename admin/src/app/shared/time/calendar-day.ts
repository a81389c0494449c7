/** A moment's local calendar day as `YYYY-MM-DD`, the form the console's date filters use in URLs. */
export function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
