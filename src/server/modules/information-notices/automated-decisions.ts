/**
 * L2007 art. 12bis and art. 10 §1 al. 1 c) (SPEC ADM-01, ADM-03): Concerto takes no decision on a
 * person on the sole basis of automated processing meant to evaluate aspects of the personality;
 * it has no score, ranking or rule that changes a state by itself. Every change is a named user's
 * (proved by test/rights/no-automated-decisions.test.ts). An access answer states it in the
 * requester's language; the information notice says it too.
 */
import type { Language } from '../../../contracts/language.js';

export const AUTOMATED_DECISION_RULE = 'L2007 art. 12bis; art. 10 §1 al. 1 c) (SPEC ADM-01, ADM-03)';

export const AUTOMATED_LOGIC_STATEMENT: Readonly<Record<Language, string>> = {
  fr: "Aucune décision automatisée (art. 12bis de la loi du 8 décembre 1992) : aucune décision produisant des effets juridiques à votre égard ou vous affectant de manière significative n'est prise sur le seul fondement d'un traitement automatisé destiné à évaluer certains aspects de votre personnalité. Toute décision est prise par une personne nommément identifiée.",
  nl: 'Geen geautomatiseerde beslissing (art. 12bis van de wet van 8 december 1992): geen beslissing die rechtsgevolgen voor u heeft of u in aanmerkelijke mate treft, wordt uitsluitend genomen op grond van een geautomatiseerde gegevensverwerking die bestemd is om bepaalde aspecten van uw persoonlijkheid te evalueren. Elke beslissing wordt genomen door een met naam gekende persoon.',
  de: 'Keine automatisierte Entscheidung (Art. 12bis des Gesetzes vom 8. Dezember 1992): Keine Entscheidung, die rechtliche Wirkungen für Sie hat oder Sie erheblich beeinträchtigt, wird ausschließlich aufgrund einer automatisierten Datenverarbeitung getroffen, die bestimmte Aspekte Ihrer Persönlichkeit bewerten soll. Jede Entscheidung trifft eine namentlich bekannte Person.',
  en: 'No automated decision (art. 12bis of the Law of 8 December 1992): no decision producing legal effects concerning you or significantly affecting you is taken solely on the basis of automated processing of data intended to evaluate certain aspects of your personality. Every decision is taken by a named person.',
};
