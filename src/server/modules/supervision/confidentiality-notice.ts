/**
 * PEN-22: the confidentiality duty an inspector of the Commission is shown before reading anything
 * (L1992 art. 33: the members, staff and experts of the Commission keep confidential the facts,
 * acts and information they learn through their duties; art. 37: breaching it is punished by a
 * fine). The words follow the published text of the law (FR, NL) and SPEC §22 (G-96, G-98).
 */
import type { ConfidentialityNotice } from '../../../contracts/supervision.js';
import type { Language } from '../../../contracts/language.js';

export const CONFIDENTIALITY_RULE = 'L1992 art. 33; art. 37 (SPEC PEN-22)';

const TEXTS: Record<Language, string> = {
  fr:
    "Vous accédez à Concerto en tant que membre, membre du personnel ou expert de la Commission de la protection de la vie privée, pour les vérifications visées à l'article 32 de la loi du 8 décembre 1992. " +
    "Conformément à l'article 33 de cette loi, vous êtes tenu(e) d'une obligation de confidentialité à l'égard des faits, actes ou renseignements dont vous avez connaissance en raison de vos fonctions. " +
    "La violation de cette obligation est punie d'une amende (article 37). Votre accès est en lecture seule, limité dans le temps, et chacune de vos consultations est enregistrée.",
  nl:
    'U hebt toegang tot Concerto als lid, personeelslid of deskundige van de Commissie voor de bescherming van de persoonlijke levenssfeer, voor de verificaties bedoeld in artikel 32 van de wet van 8 december 1992. ' +
    'Overeenkomstig artikel 33 van die wet bent u verplicht het vertrouwelijk karakter te bewaren van de feiten, de handelingen of de inlichtingen waarvan u uit hoofde van uw functie kennis hebt. ' +
    'Het schenden van die verplichting wordt gestraft met een geldboete (artikel 37). Uw toegang is alleen-lezen en in de tijd beperkt, en elke raadpleging wordt geregistreerd.',
  de:
    'Sie greifen auf Concerto als Mitglied, Personalmitglied oder Sachverständige(r) des Ausschusses für den Schutz des Privatlebens (Commission de la protection de la vie privée) zu, für die Überprüfungen nach Artikel 32 des Gesetzes vom 8. Dezember 1992. ' +
    'Gemäß Artikel 33 dieses Gesetzes sind Sie zur Vertraulichkeit in Bezug auf die Tatsachen, Handlungen oder Auskünfte verpflichtet, von denen Sie aufgrund Ihres Amtes Kenntnis erhalten. ' +
    'Ein Verstoß gegen diese Pflicht wird mit einer Geldbuße bestraft (Artikel 37). Ihr Zugang ist schreibgeschützt und befristet, und jede Ihrer Einsichtnahmen wird protokolliert.',
  en:
    'You are accessing Concerto as a member, staff member or expert of the Privacy Protection Commission (supervisory authority), for the verifications of article 32 of the Law of 8 December 1992. ' +
    'Under article 33 of that law you are bound to keep confidential the facts, acts and information you learn through your duties. ' +
    'Breaching this duty is punished by a fine (article 37). Your access is read-only and time-limited, and every consultation is logged.',
};

export function confidentialityNotice(language: Language): ConfidentialityNotice {
  return { language, text: TEXTS[language], rule: CONFIDENTIALITY_RULE };
}
