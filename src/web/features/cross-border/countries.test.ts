import { describe, expect, it } from 'vitest';
import type { CountryLists } from '../../../contracts/cross-border.js';
import { countryCodes, countryGroups, countryLabel, zoneOf } from './countries.js';

const LISTS: CountryLists = {
  domestic: 'BE',
  community: { codes: ['AT', 'BE', 'DE', 'FR', 'GR', 'NL'], source: 'TEU art. 52' },
  eeaOutsideCommunity: { codes: ['IS', 'LI', 'NO'], source: 'EEA Agreement' },
  note: '',
};

describe('the countries of the transfer register', () => {
  it('TRF-01 offers every ISO country and no region that is not one', () => {
    const codes = countryCodes();
    expect(codes).toEqual(expect.arrayContaining(['BE', 'US', 'GR', 'NO', 'CH']));
    expect(codes).not.toContain('EU');
    expect(codes).not.toContain('UN');
    expect(codes).not.toContain('AA');
    expect(codes.length).toBeGreaterThan(240);
  });

  it('TRF-11 groups Belgium, the member states of the Community and every other country, the EEA states outside it', () => {
    const groups = countryGroups(LISTS, 'en');
    expect(groups.map((group) => group.zone)).toEqual(['domestic', 'community', 'third_country']);
    expect(groups[0]!.options).toEqual([{ value: 'BE', label: 'Belgium (BE)' }]);
    expect(groups[1]!.options.map((option) => option.value)).toEqual(['AT', 'FR', 'DE', 'GR', 'NL']);
    const outside = groups[2]!.options.map((option) => option.value);
    expect(outside).toEqual(expect.arrayContaining(['US', 'NO', 'IS', 'LI', 'CH']));
    expect(outside).not.toContain('DE');
    expect(zoneOf('NO', LISTS)).toBe('third_country');
    expect(zoneOf('BE', LISTS)).toBe('domestic');
  });

  it('TRF-01 names a country in the user language, with its code', () => {
    expect(countryLabel('US', 'fr')).toBe('États-Unis (US)');
    expect(countryLabel('DE', 'nl')).toBe('Duitsland (DE)');
    expect(countryLabel('??', 'en')).toBe('??');
  });
});
