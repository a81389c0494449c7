/**
 * Countries to target, by ISO 3166-1 alpha-2 code as Meta's `geo_locations.countries` takes them
 * (https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting#location), named in the
 * reader's language by `Intl.DisplayNames`. The list is what the runtime knows as regions, less the codes that are
 * no country (EU, UN, the unknown region), the reserved codes Meta does not target, and the codes of countries that
 * no longer exist (CLDR still names them: BU Burma, SU Soviet Union, YU Yugoslavia …).
 */
const NOT_COUNTRIES = new Set([
  ...['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ'],
  ...['AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'UK', 'VD', 'YD', 'YU', 'ZR'],
]);

export interface Country {
  code: string;
  name: string;
}

let cached: { locale: string; countries: Country[] } | null = null;

export function countries(locale?: string): Country[] {
  const names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region', fallback: 'none' });
  const key = names.resolvedOptions().locale;
  if (cached?.locale === key) {
    return cached.countries;
  }
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const list: Country[] = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (name && name !== code) {
        list.push({ code, name });
      }
    }
  }
  list.sort((a, b) => a.name.localeCompare(b.name, key));
  cached = { locale: key, countries: list };
  return list;
}

/** "US" → "United States" in the reader's language; the code itself when the runtime has no name for it. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
