/**
 * The countries a destination may be in, named in the user's language and grouped as the transfer
 * rules tell them apart (L2007 art. 21 §1; SPEC TRF-01, TRF-11): Belgium, the member states of the
 * Community, and every other country, where a transfer needs an adequacy assessment or a
 * derogation. The lists of the first two are the server's (GET /api/cross-border/countries); every
 * ISO 3166-1 alpha-2 code the browser can name is the third.
 */
import type { CountryLists } from '../../../contracts/cross-border.js';

export type CountryZone = 'domestic' | 'community' | 'third_country';

/** Codes Intl names that are no country (the union, the UN, pseudo-regions): the server refuses them too. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function regionNames(language: string): Intl.DisplayNames {
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
}

/** Every ISO 3166-1 alpha-2 code that names a country. */
export function countryCodes(): string[] {
  const names = regionNames('en');
  const codes: string[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      if (!NOT_COUNTRIES.has(code) && names.of(code) !== undefined) codes.push(code);
    }
  }
  return codes;
}

/** "United States (US)" in English, "États-Unis (US)" in French; the code alone when the browser has no name. */
export function countryLabel(code: string, language: string): string {
  const name = /^[A-Z]{2}$/.test(code) ? regionNames(language).of(code) : undefined;
  return name ? `${name} (${code})` : code;
}

export function zoneOf(code: string, lists: CountryLists): CountryZone {
  if (code === lists.domestic) return 'domestic';
  return lists.community.codes.includes(code) ? 'community' : 'third_country';
}

export interface CountryGroup {
  zone: CountryZone;
  options: { value: string; label: string }[];
}

/** The countries by zone, each group in the alphabetical order of the user's language. */
export function countryGroups(
  lists: CountryLists,
  language: string,
  zones: readonly CountryZone[] = ['domestic', 'community', 'third_country'],
): CountryGroup[] {
  const collator = new Intl.Collator(language);
  const all = countryCodes();
  return zones.map((zone) => ({
    zone,
    options: all
      .filter((code) => zoneOf(code, lists) === zone)
      .map((code) => ({ value: code, label: countryLabel(code, language) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  }));
}
