/**
 * Closed lists of the Law of 8 December 1992 as first published (SPEC §18: "L1992", the seed text
 * 002), retained beside the amended law: the kinds of judicial data of art. 8 §1 1°-16° (SPEC
 * DAT-31) and what art. 6 al. 1 adds to the sensitive data (SPEC DAT-23). The French and Dutch
 * labels are the seed's words; the only edits are slips of the seed text (listed in
 * enumerations-1992.test.ts, which compares every label with the seed): "3^o" written "3°", a
 * capital "La" in 14°, FR 1° "jurisdictions" for "juridictions", and in Dutch 4° "tot betrekking
 * van de bedelarij" for the law's title "tot beteugeling van de landloperij en de bedelarij",
 * 7° "vervolg" for "verval" (the French "éteindre"), 13° the missing "door". English is ours.
 */
import type { LegalLabel } from './enumerations.js';

/** L1992 art. 8 §1: exactly sixteen kinds of judicial data. SPEC DAT-31. */
export const JUDICIAL_DATA_TYPE_COUNT = 16;

export const JUDICIAL_DATA_TYPES_1992 = [
  {
    code: 'litigation',
    rule: 'L1992 art. 8 §1 1°',
    label: {
      fr: "les litiges soumis aux cours et tribunaux ainsi qu'aux juridictions administratives, sous réserve de l'article 15",
      nl: 'de geschillen voorgelegd aan de hoven en rechtbanken, alsook aan de administratieve gerechten, onder voorbehoud van artikel 15',
      en: 'disputes submitted to the courts and tribunals and to the administrative courts, subject to article 15',
    },
  },
  {
    code: 'suspected_offences',
    rule: 'L1992 art. 8 §1 2°',
    label: {
      fr: 'les infractions dont une personne est soupçonnée ou dans lesquelles elle est impliquée',
      nl: 'de misdrijven waarvan een persoon wordt verdacht of waarin hij is betrokken',
      en: 'offences of which a person is suspected or in which he or she is implicated',
    },
  },
  {
    code: 'convictions_and_penalties',
    rule: 'L1992 art. 8 §1 3°',
    label: {
      fr: 'les infractions pour lesquelles une personne a été condamnée, ainsi que les peines prononcées à son égard',
      nl: 'de misdrijven waarvoor een persoon is veroordeeld, alsmede de straffen die tegen hem zijn uitgesproken',
      en: 'offences for which a person has been convicted, and the penalties imposed on him or her',
    },
  },
  {
    code: 'vagrancy_and_aliens_detentions',
    rule: 'L1992 art. 8 §1 4°',
    label: {
      fr: "les détentions et les mises à la disposition du Gouvernement prévues par les articles 13 et 14 de la loi du 27 novembre 1891 pour la répression du vagabondage et de la mendicité, par l'article 380bis, 3°, du Code pénal ainsi que par les articles 7, 25, 27, 54 et 67 de la loi du 15 décembre 1980 sur l'accès au territoire, le séjour, l'établissement et l'éloignement des étrangers",
      nl: 'de opsluiting en de terbeschikkingstelling van de Regering op grond van de artikelen 13 en 14 van de wet van 27 november 1891 tot beteugeling van de landloperij en de bedelarij, van artikel 380bis, 3°, van het Strafwetboek, alsmede van de artikelen 7, 25, 27, 54 en 67 van de wet van 15 december 1980 betreffende de toegang tot het grondgebied, het verblijf, de vestiging en de verwijdering van vreemdelingen',
      en: "detentions and placements at the Government's disposal under articles 13 and 14 of the Law of 27 November 1891 on the repression of vagrancy and begging, article 380bis, 3°, of the Criminal Code, and articles 7, 25, 27, 54 and 67 of the Law of 15 December 1980 on access to the territory, residence, settlement and removal of foreign nationals",
    },
  },
  {
    code: 'internment_measures',
    rule: 'L1992 art. 8 §1 5°',
    label: {
      fr: "les mesures d'internement et de mise à la disposition du Gouvernement ordonnées par application des lois du 9 avril 1930 et du 1er juillet 1964 de défense sociale à l'égard des anormaux et des délinquants d'habitude",
      nl: 'de interneringsmaatregelen en terbeschikkingstellingen van de Regering op grond van de wetten van 9 april 1930 en van 1 juli 1964 tot de bescherming van de maatschappij tegen abnormalen en gewoontemisdadigers',
      en: "internment measures and placements at the Government's disposal ordered under the social defence laws of 9 April 1930 and 1 July 1964 concerning abnormal persons and habitual offenders",
    },
  },
  {
    code: 'pretrial_detention',
    rule: 'L1992 art. 8 §1 6°',
    label: {
      fr: "les décisions de détention préventive prises sur la base des lois du 20 juillet 1990 relative à la détention préventive et du 30 mars 1891 concernant l'arrestation, à bord de navires belges, des individus poursuivis ou condamnés par la Justice belge",
      nl: 'de beslissingen inzake voorlopige hechtenis genomen op grond van de wet van 20 juli 1990 betreffende de voorlopige hechtenis en van 30 maart 1891 betreffende de aanhouding, aan boord van Belgische schepen, van door het Belgisch gerecht vervolgd of veroordeelde personen',
      en: 'pre-trial detention decisions taken under the Law of 20 July 1990 on pre-trial detention and the Law of 30 March 1891 on the arrest, on board Belgian ships, of persons prosecuted or convicted by the Belgian courts',
    },
  },
  {
    code: 'settlement_216bis',
    rule: 'L1992 art. 8 §1 7°',
    label: {
      fr: "les invitations à payer une somme d'argent en vue d'éteindre l'action publique pour certaines infractions prévues à l'article 216bis du Code d'Instruction criminelle",
      nl: 'de verzoeken tot betaling van een geldsom met het oog op het verval van de strafvordering voor sommige misdrijven, bedoeld in artikel 216bis van het Wetboek van Strafvordering',
      en: 'invitations to pay a sum of money to extinguish the public prosecution for certain offences, under article 216bis of the Code of Criminal Procedure',
    },
  },
  {
    code: 'youth_protection_measures',
    rule: 'L1992 art. 8 §1 8°',
    label: {
      fr: "les mesures prises à l'égard des mineurs par application de la loi du 8 avril 1965 relative à la protection de la jeunesse ou des décrets et ordonnances en matière de protection de la jeunesse pris par les organes visés à l'article 59bis, §§ 2bis et 4bis, de la Constitution",
      nl: 'de maatregelen die op grond van de wet van 8 april 1965 betreffende de jeugdbescherming ten aanzien van minderjarigen zijn genomen of van de decreten en ordonnances inzake jeugdbescherming genomen door de organen bedoeld in artikel 59bis, §§ 2bis en 4bis, van de Grondwet',
      en: 'measures taken in respect of minors under the Law of 8 April 1965 on youth protection or the youth-protection decrees and ordinances of the bodies referred to in article 59bis, §§ 2bis and 4bis, of the Constitution',
    },
  },
  {
    code: 'parental_authority_forfeiture',
    rule: 'L1992 art. 8 §1 9°',
    label: {
      fr: "les déchéances de la puissance parentale, ainsi que les mesures d'assistance éducative prononcées ou ordonnées par les tribunaux de la jeunesse ou les chambres de la jeunesse près les cours d'appel, en application de la loi du 8 avril 1965 relative à la protection de la jeunesse",
      nl: 'de ontzettingen uit de ouderlijke macht, alsmede de maatregelen van opvoedingsbijstand die door de jeugdrechtbanken of de jeugdkamers bij de hoven van beroep, op grond van de wet van 8 april 1965 betreffende de jeugdbescherming, zijn uitgesproken of gestaakt',
      en: 'forfeitures of parental authority, and educational assistance measures pronounced or ordered by the youth courts or the youth chambers of the courts of appeal under the Law of 8 April 1965 on youth protection',
    },
  },
  {
    code: 'pardon_effacement_rehabilitation',
    rule: 'L1992 art. 8 §1 10°',
    label: {
      fr: "les arrêtés de grâce, les mesures d'effacement des condamnations prévues par les articles 619 et 620 du Code d'instruction criminelle, ainsi que les mesures de réhabilitation prévues par les articles 621 et suivants du même Code",
      nl: 'de graciebesluiten, de maatregelen inzake uitwissing van veroordelingen bepaald in de artikelen 619 en 620 van het Wetboek van Strafvordering, alsmede de maatregelen inzake herstel in eer en rechten omschreven in de artikelen 621 en volgende van datzelfde Wetboek',
      en: 'pardons, measures erasing convictions under articles 619 and 620 of the Code of Criminal Procedure, and rehabilitation measures under articles 621 et seq. of that Code',
    },
  },
  {
    code: 'conditional_release',
    rule: 'L1992 art. 8 §1 11°',
    label: {
      fr: 'les arrêtés ordonnant la libération conditionnelle',
      nl: 'de besluiten die de voorwaardelijke invrijheidstelling gelasten',
      en: 'orders granting conditional release',
    },
  },
  {
    code: 'dismissal_from_service',
    rule: 'L1992 art. 8 §1 12°',
    label: {
      fr: "les renvois de l'armée, de la police, de la gendarmerie ou du service de l'objection de conscience",
      nl: 'de wegzendingen uit het leger, uit de politie, uit de rijkswacht of uit de dienst gewetensbezwaarden',
      en: "dismissals from the army, the police, the gendarmerie or the conscientious objectors' service",
    },
  },
  {
    code: 'forfeitures_and_prohibitions',
    rule: 'L1992 art. 8 §1 13°',
    label: {
      fr: 'les déchéances ou interdictions prononcées par les cours et tribunaux ou frappant des personnes condamnées par les cours et tribunaux',
      nl: 'de vervallenverklaringen of de ontzettingen die door de hoven en rechtbanken zijn uitgesproken of die gelden ten aanzien van door de hoven en rechtbanken veroordeelde personen',
      en: 'forfeitures or prohibitions pronounced by the courts and tribunals or affecting persons convicted by the courts and tribunals',
    },
  },
  {
    code: 'suspension_of_sentence',
    rule: 'L1992 art. 8 §1 14°',
    label: {
      fr: 'la suspension du prononcé de la condamnation, ordonnée par application de la loi du 29 juin 1964 concernant la suspension, le sursis et la probation',
      nl: 'de opschorting van de uitspraak van de veroordeling, gelast op grond van de wet van 29 juni 1964 betreffende de opschorting, het uitstel en de probatie',
      en: 'suspension of the pronouncement of sentence, ordered under the Law of 29 June 1964 on suspension, deferment and probation',
    },
  },
  {
    code: 'mental_illness_measures',
    rule: 'L1992 art. 8 §1 15°',
    label: {
      fr: "les mesures prises à l'égard des malades mentaux par application de la loi du 26 juin 1990 relative à la protection de la personne des malades mentaux",
      nl: 'de maatregelen genomen ten aanzien van de geesteszieken op grond van de wet van 26 juni 1990 betreffende de bescherming van de persoon van de geesteszieken',
      en: 'measures taken in respect of the mentally ill under the Law of 26 June 1990 on the protection of the person of the mentally ill',
    },
  },
  {
    code: 'royal_decree_measures',
    rule: 'L1992 art. 8 §1 16°',
    label: {
      fr: "les mesures ou sanctions prévues par le Roi qui sont prononcées à l'égard d'une personne",
      nl: 'de door de Koning bepaalde maatregelen of sancties die betreffende een persoon zijn uitgesproken',
      en: 'measures or sanctions provided for by the King that are pronounced against a person',
    },
  },
] as const satisfies readonly { code: string; rule: string; label: LegalLabel }[];

/**
 * What art. 6 al. 1 of the 1992 text lists beside the special categories of the bill, in its
 * words ("opinions ou activités politiques, philosophiques ou religieuses, … appartenances
 * syndicales ou mutualistes" / "overtuiging of activiteit op politiek, levensbeschouwelijk of
 * godsdienstig gebied, het lidmaatschap van een vakbond of ziekenfonds"; glossary G-54). SPEC
 * DAT-23; trade-union membership is also in L2007 art. 6 §1 (SPEC DAT-22).
 */
export const REVEALED_SENSITIVE_DATA = [
  {
    code: 'mutual_fund_membership',
    rule: 'L1992 art. 6 al. 1',
    label: { fr: 'appartenances mutualistes', nl: 'lidmaatschap van een ziekenfonds', en: 'mutual-health-fund membership' },
  },
  {
    code: 'trade_union_membership',
    rule: 'L1992 art. 6 al. 1; L2007 art. 6 §1',
    label: { fr: 'appartenances syndicales', nl: 'lidmaatschap van een vakbond', en: 'trade-union membership' },
  },
  {
    code: 'political_activities',
    rule: 'L1992 art. 6 al. 1',
    label: { fr: 'activités politiques', nl: 'activiteit op politiek gebied', en: 'political activities' },
  },
  {
    code: 'philosophical_activities',
    rule: 'L1992 art. 6 al. 1',
    label: { fr: 'activités philosophiques', nl: 'activiteit op levensbeschouwelijk gebied', en: 'philosophical activities' },
  },
  {
    code: 'religious_activities',
    rule: 'L1992 art. 6 al. 1',
    label: { fr: 'activités religieuses', nl: 'activiteit op godsdienstig gebied', en: 'religious activities' },
  },
] as const satisfies readonly { code: string; rule: string; label: LegalLabel }[];
