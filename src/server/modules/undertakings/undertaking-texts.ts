/**
 * The first versions of the two platform-wide undertakings, as the operator publishes them
 * (`publishUndertakingVersion`). FR and NL quote the law as the bill quotes it (Dév./Toelichting,
 * CP art. 458ter §2 as inserted by the law of 6 July 2017; bill art. 5 al. 2); DE and EN are
 * Concerto's translations and say so. Legal terms follow SPEC §22 (G-23, G-34, G-36–G-38).
 */
import type { UndertakingTexts } from './undertakings.rules.js';

/** CP art. 458ter §2 (SPEC ROL-07): the secrecy every participant accepts. */
export const CONSULTATION_SECRECY_TEXTS: UndertakingTexts = {
  fr: [
    'Article 458ter, § 2, du Code pénal :',
    '« Les participants sont tenus au secret relativement aux secrets communiqués durant la concertation. Toute personne violant ce secret sera punie des peines prévues à l’article 458.',
    'Les secrets qui sont communiqués pendant cette concertation, ne peuvent donner lieu à la poursuite pénale que des seuls délits pour lesquels la concertation a été organisée. »',
    'Je m’engage à respecter cette obligation de secret pour tout ce qui m’est communiqué dans le cadre de la concertation de cas.',
  ].join('\n\n'),
  nl: [
    'Artikel 458ter, § 2, van het Strafwetboek:',
    '“De deelnemers zijn tot geheimhouding verplicht wat betreft de tijdens het overleg meegedeelde geheimen. Eenieder die dit geheim schendt, wordt gestraft met de straffen bepaald in artikel 458.',
    'De geheimen die tijdens dit overleg worden meegedeeld, kunnen slechts aanleiding geven tot de strafrechtelijke vervolging van de misdrijven waarvoor het overleg werd georganiseerd.”',
    'Ik verbind mij ertoe deze geheimhoudingsplicht na te leven voor alles wat mij in het kader van het casusoverleg wordt meegedeeld.',
  ].join('\n\n'),
  de: [
    'Nichtamtliche Übersetzung (Concerto) von Artikel 458ter § 2 des Strafgesetzbuches:',
    '„Die Teilnehmer sind zur Verschwiegenheit verpflichtet in Bezug auf die während der Konzertierung mitgeteilten Geheimnisse. Wer dieses Geheimnis verletzt, wird mit den in Artikel 458 vorgesehenen Strafen bestraft.',
    'Die Geheimnisse, die während dieser Konzertierung mitgeteilt werden, können nur zur Strafverfolgung der Straftaten führen, für die die Konzertierung organisiert worden ist.“',
    'Ich verpflichte mich, diese Geheimhaltungspflicht für alles einzuhalten, was mir im Rahmen der Fallkonzertierung mitgeteilt wird.',
  ].join('\n\n'),
  en: [
    'Unofficial translation (Concerto) of Article 458ter §2 of the Criminal Code:',
    '“Participants are bound to secrecy with regard to the secrets communicated during the consultation. Anyone who breaches this secrecy shall be punished with the penalties provided for in Article 458.',
    'Secrets communicated during this consultation may give rise to criminal prosecution only for the offences for which the consultation was organised.”',
    'I undertake to observe this secrecy obligation for everything communicated to me in the case consultation.',
  ].join('\n\n'),
};

/** bill art. 5 al. 2 (SPEC ROL-05): the four obligations a permanent representative takes on. */
export const REPRESENTATIVE_TEXTS: UndertakingTexts = {
  fr: [
    'Article 5, alinéa 2, de la loi : en raison de l’échange d’informations préalable à la concertation de cas, le représentant permanent est soumis à la même réglementation et aux mêmes conditions contractuelles que la personne qui fournit les informations, à savoir les dispositions applicables en matière de :',
    '1° protection des données ;\n2° secret lié à la fonction ;\n3° devoir de discrétion ;\n4° secret professionnel.',
    'En tant que représentant permanent, je m’engage à respecter ces dispositions pour toute information qui m’est communiquée.',
  ].join('\n\n'),
  nl: [
    'Artikel 5, tweede lid, van de wet: door de informatie-uitwisseling voorafgaand aan het casusoverleg wordt de vaste afgevaardigde onderworpen aan dezelfde reglementering en contractuele voorwaarden als de persoon die de informatie verstrekt, met name de toepasselijke bepalingen inzake:',
    '1° gegevensbescherming;\n2° het ambtsgeheim;\n3° de discretieplicht;\n4° het beroepsgeheim.',
    'Als vaste afgevaardigde verbind ik mij ertoe deze bepalingen na te leven voor alle informatie die mij wordt meegedeeld.',
  ].join('\n\n'),
  de: [
    'Nichtamtliche Übersetzung (Concerto) von Artikel 5 Absatz 2 des Gesetzes: Aufgrund des Informationsaustauschs vor der Fallkonzertierung unterliegt der ständige Vertreter denselben Vorschriften und vertraglichen Bedingungen wie die Person, die die Informationen erteilt, nämlich den anwendbaren Bestimmungen über:',
    '1. den Datenschutz;\n2. das Amtsgeheimnis;\n3. die Diskretionspflicht;\n4. das Berufsgeheimnis.',
    'Als ständiger Vertreter verpflichte ich mich, diese Bestimmungen für alle mir mitgeteilten Informationen einzuhalten.',
  ].join('\n\n'),
  en: [
    'Unofficial translation (Concerto) of Article 5, second paragraph, of the law: by reason of the exchange of information before the case consultation, the permanent representative is subject to the same rules and contractual conditions as the person providing the information, namely the applicable provisions on:',
    '1. data protection;\n2. official secrecy;\n3. the duty of discretion;\n4. professional secrecy.',
    'As permanent representative, I undertake to observe these provisions for all information communicated to me.',
  ].join('\n\n'),
};
