/**
 * The fictional persons of the demo's cases. Names, birth places and addresses are invented; the
 * national register numbers are generated from the birth date and a serial number with the check
 * digits of SPEC DAT-01 (modulo 97), so that the validation accepts them and the masking and
 * blind-index search can be tried. One person appears in two cases, for the cross-case search.
 */
import type { Identity } from '../../../contracts/persons.js';

interface DemoPerson {
  surname: string;
  firstNames: string;
  birthDate: string;
  birthPlace: string;
  address: string;
  /** Odd for men, even for women (the register's convention). */
  serial: number;
}

/** YY.MM.DD-SSS.CC, CC = 97 − (YYMMDDSSS mod 97), the nine digits prefixed with 2 from 2000 on. */
export function nationalRegisterNumber(birthDate: string, serial: number): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  const nine = `${year.slice(2)}${month}${day}${String(serial).padStart(3, '0')}`;
  const checked = Number(year) >= 2000 ? 2_000_000_000 + Number(nine) : Number(nine);
  const check = String(97 - (checked % 97)).padStart(2, '0');
  return `${nine.slice(0, 2)}.${nine.slice(2, 4)}.${nine.slice(4, 6)}-${nine.slice(6)}.${check}`;
}

const PERSONS = {
  kevinVerbeke: {
    surname: 'Verbeke',
    firstNames: 'Kevin',
    birthDate: '1987-03-14',
    birthPlace: 'Gent',
    address: 'Voorbeeldlaan 12, 9000 Gent',
    serial: 151,
  },
  sarahDeSmet: {
    surname: 'De Smet',
    firstNames: 'Sarah',
    birthDate: '1990-11-02',
    birthPlace: 'Aalst',
    address: 'Voorbeeldlaan 12, 9000 Gent',
    serial: 84,
  },
  olivierJacquet: {
    surname: 'Jacquet',
    firstNames: 'Olivier',
    birthDate: '1979-06-21',
    birthPlace: 'Namur',
    address: 'Rue des Exemples 4, 5000 Namur',
    serial: 233,
  },
  alineRenson: {
    surname: 'Renson',
    firstNames: 'Aline',
    birthDate: '1981-01-30',
    birthPlace: 'Dinant',
    address: 'Rue des Exemples 4, 5000 Namur',
    serial: 412,
  },
  dirkHermans: {
    surname: 'Hermans',
    firstNames: 'Dirk',
    birthDate: '1972-09-08',
    birthPlace: 'Lokeren',
    address: 'Demostraat 88, 9160 Lokeren',
    serial: 57,
  },
  stephaneGilson: {
    surname: 'Gilson',
    firstNames: 'Stéphane',
    birthDate: '1984-08-27',
    birthPlace: 'Charleroi',
    address: 'Avenue de la Démonstration 27, 5100 Jambes',
    serial: 305,
  },
  nathaliePiron: {
    surname: 'Piron',
    firstNames: 'Nathalie',
    birthDate: '1986-04-03',
    birthPlace: 'Andenne',
    address: 'Avenue de la Démonstration 27, 5100 Jambes',
    serial: 178,
  },
  jorisGoossens: {
    surname: 'Goossens',
    firstNames: 'Joris',
    birthDate: '1983-02-15',
    birthPlace: 'Deinze',
    address: 'Fictieweg 40, 9800 Deinze',
    serial: 93,
  },
  liesbethVermeulen: {
    surname: 'Vermeulen',
    firstNames: 'Liesbeth',
    birthDate: '1988-07-07',
    birthPlace: 'Gent',
    address: 'Schuilplaatsstraat 2, 9000 Gent',
    serial: 346,
  },
  bernardHenrard: {
    surname: 'Henrard',
    firstNames: 'Bernard',
    birthDate: '1966-10-25',
    birthPlace: 'Namur',
    address: 'Rue du Modèle 15, 5002 Saint-Servais',
    serial: 21,
  },
  pieterVandenBroeck: {
    surname: 'Van den Broeck',
    firstNames: 'Pieter',
    birthDate: '1985-01-09',
    birthPlace: 'Oudenaarde',
    address: 'Denkbeeldlaan 7, 9050 Gentbrugge',
    serial: 187,
  },
  inesVandenBroeck: {
    surname: 'Van den Broeck',
    firstNames: 'Ines',
    birthDate: '1987-09-23',
    birthPlace: 'Gent',
    address: 'Denkbeeldlaan 7, 9050 Gentbrugge',
    serial: 222,
  },
  julienLemaire: {
    surname: 'Lemaire',
    firstNames: 'Julien',
    birthDate: '1982-03-30',
    birthPlace: 'Namur',
    address: 'Rue de l’Essai 31, 5000 Namur',
    serial: 269,
  },
  sandrineLemaire: {
    surname: 'Lemaire',
    firstNames: 'Sandrine',
    birthDate: '1984-12-04',
    birthPlace: 'Ciney',
    address: 'Rue de l’Essai 31, 5000 Namur',
    serial: 134,
  },
  lucasLemaire: {
    surname: 'Lemaire',
    firstNames: 'Lucas',
    birthDate: '2014-06-17',
    birthPlace: 'Namur',
    address: 'Rue de l’Essai 31, 5000 Namur',
    serial: 75,
  },
  wimAerts: {
    surname: 'Aerts',
    firstNames: 'Wim',
    birthDate: '1978-11-12',
    birthPlace: 'Ronse',
    address: 'Verzonnenstraat 19, 9000 Gent',
    serial: 311,
  },
  jordanDelvaux: {
    surname: 'Delvaux',
    firstNames: 'Jordan',
    birthDate: '2003-02-26',
    birthPlace: 'Namur',
    address: 'Rue Imaginaire 9, 5020 Malonne',
    serial: 143,
  },
  kevinCools: {
    surname: 'Cools',
    firstNames: 'Kevin',
    birthDate: '1991-08-05',
    birthPlace: 'Sint-Niklaas',
    address: 'Bedachtstraat 51, 9100 Sint-Niklaas',
    serial: 205,
  },
  yannickLeroy: {
    surname: 'Leroy',
    firstNames: 'Yannick',
    birthDate: '1995-04-14',
    birthPlace: 'Liège',
    address: 'Prison de Démo, Chemin de la Prison 3, 5000 Namur',
    serial: 89,
  },
  renaudDelhaye: {
    surname: 'Delhaye',
    firstNames: 'Renaud',
    birthDate: '1990-10-08',
    birthPlace: 'Charleroi',
    address: 'Prison de Démo, Chemin de la Prison 3, 5000 Namur',
    serial: 127,
  },
  tomLenaerts: {
    surname: 'Lenaerts',
    firstNames: 'Tom',
    birthDate: '2008-10-01',
    birthPlace: 'Gent',
    address: 'Scenariostraat 6, 9030 Mariakerke',
    serial: 167,
  },
  katrienLenaerts: {
    surname: 'Lenaerts',
    firstNames: 'Katrien',
    birthDate: '1976-05-28',
    birthPlace: 'Brugge',
    address: 'Scenariostraat 6, 9030 Mariakerke',
    serial: 290,
  },
  damienNoel: {
    surname: 'Noël',
    firstNames: 'Damien',
    birthDate: '1989-12-19',
    birthPlace: 'Tournai',
    address: 'Rue de la Fiction 22, 5000 Namur',
    serial: 251,
  },
  mathisLaurent: {
    surname: 'Laurent',
    firstNames: 'Mathis',
    birthDate: '2006-07-30',
    birthPlace: 'Namur',
    address: 'Rue du Prototype 5, 5004 Bouge',
    serial: 39,
  },
  kevinJacobs: {
    surname: 'Jacobs',
    firstNames: 'Kevin',
    birthDate: '1993-03-03',
    birthPlace: 'Mechelen',
    address: 'Prison de Démo, Chemin de la Prison 3, 5000 Namur',
    serial: 113,
  },
  nielsBogaerts: {
    surname: 'Bogaerts',
    firstNames: 'Niels',
    birthDate: '2009-01-21',
    birthPlace: 'Gent',
    address: 'Oefenplein 14, 9000 Gent',
    serial: 195,
  },
  veerleBogaerts: {
    surname: 'Bogaerts',
    firstNames: 'Veerle',
    birthDate: '1980-06-16',
    birthPlace: 'Gent',
    address: 'Oefenplein 14, 9000 Gent',
    serial: 318,
  },
  leaMathieu: {
    surname: 'Mathieu',
    firstNames: 'Léa',
    birthDate: '2010-09-12',
    birthPlace: 'Namur',
    address: 'Rue de l’Hypothèse 8, 5000 Namur',
    serial: 62,
  },
  georgesDewulf: {
    surname: 'Dewulf',
    firstNames: 'Georges',
    birthDate: '1941-04-22',
    birthPlace: 'Namur',
    address: 'Rue de la Maquette 2, 5000 Namur',
    serial: 17,
  },
  fabienCollard: {
    surname: 'Collard',
    firstNames: 'Fabien',
    birthDate: '1993-07-21',
    birthPlace: 'Dinant',
    address: 'Prison de Démo, Chemin de la Prison 3, 5000 Namur',
    serial: 211,
  },
} satisfies Record<string, DemoPerson>;

export type PersonKey = keyof typeof PERSONS;

export function demoIdentity(key: PersonKey): Identity {
  const { serial, ...person } = PERSONS[key];
  return { ...person, nationalRegisterNumber: nationalRegisterNumber(person.birthDate, serial) };
}
