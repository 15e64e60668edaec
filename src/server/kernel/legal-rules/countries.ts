/**
 * The countries the transfer rules tell apart, as data with their sources (SPEC TRF-01, TRF-11,
 * SCO-11): Belgium, the member states of the European Community, and every other country.
 *
 * L2007 art. 21 §1 restricts transfers "vers un pays non membre de la Communauté européenne".
 * Since the Treaty of Lisbon (in force 1 December 2009) the Union "replaces and succeeds" the
 * Community (TEU art. 1 al. 3), so its member states are today's members of the European Union.
 *
 * Iceland, Liechtenstein and Norway are parties to the EEA Agreement, which applies Directive
 * 95/46/EC to them (external – verify), but they are not members of the Community: SPEC TRF-01
 * and issue 6 say "outside the EU/EEA", the text says "non membre de la Communauté européenne",
 * and where SPEC and the text disagree the text is followed. A transfer to these three needs a
 * recorded basis like any other country outside the Community; an adequacy assessment (SPEC
 * TRF-02) citing the EEA Agreement records it. The establishment rule of L2007 art. 3bis (SPEC
 * SCO-11, modules/identity) reads the same list with the EEA included, as SPEC asks there.
 *
 * Codes are ISO 3166-1 alpha-2: Greece is GR (the Union's own usage writes EL).
 */

/** Where the data are when they stay home: the law applies to processing in Belgium (L2007 art. 3bis al. 1 1°). */
export const DOMESTIC_COUNTRY = 'BE';

/** The member states of the European Union, successor of the European Community. */
export const EU_MEMBER_STATES = {
  source:
    'TEU art. 52(1) (consolidated version, OJ C 202 of 7 June 2016), less the United Kingdom from 1 February 2020 (Withdrawal Agreement, OJ L 29 of 31 January 2020); ISO 3166-1 alpha-2 codes',
  codes: [
    'AT',
    'BE',
    'BG',
    'CY',
    'CZ',
    'DE',
    'DK',
    'EE',
    'ES',
    'FI',
    'FR',
    'GR',
    'HR',
    'HU',
    'IE',
    'IT',
    'LT',
    'LU',
    'LV',
    'MT',
    'NL',
    'PL',
    'PT',
    'RO',
    'SE',
    'SI',
    'SK',
  ],
} as const;

/** The EFTA states party to the EEA Agreement: in the EEA, outside the Community. */
export const EEA_EFTA_STATES = {
  source:
    'Agreement on the European Economic Area, art. 2(b) and preamble (OJ L 1 of 3 January 1994); ISO 3166-1 alpha-2 codes',
  codes: ['IS', 'LI', 'NO'],
} as const;

const COMMUNITY: ReadonlySet<string> = new Set(EU_MEMBER_STATES.codes);

/** EU and EEA, for the rules that SPEC states in those words (L2007 art. 3bis al. 2; SPEC SCO-11). */
export const EU_EEA_COUNTRIES: ReadonlySet<string> = new Set([
  ...EU_MEMBER_STATES.codes,
  ...EEA_EFTA_STATES.codes,
]);

/**
 * Where a country stands for the transfer rules: at home, inside the Community (recorded, no
 * basis needed: SPEC TRF-11), or outside it (an adequacy assessment or a derogation: L2007 arts
 * 21-22).
 */
export type CountryZone = 'domestic' | 'community' | 'third_country';

export function countryZone(code: string): CountryZone {
  if (code === DOMESTIC_COUNTRY) return 'domestic';
  return COMMUNITY.has(code) ? 'community' : 'third_country';
}
