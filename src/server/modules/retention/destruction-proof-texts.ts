/**
 * The words of the proof of destruction's PDF in the four languages of the app (SPEC §22 glossary:
 * "destruction", "responsable du traitement / verwerkingsverantwoordelijke", "délai de conservation /
 * bewaartermijn"). The signed JSON is language-neutral: codes, ids and dates.
 */
export type ProofLanguage = 'fr' | 'nl' | 'de' | 'en';

interface ProofTexts {
  title: string;
  banner: string;
  footer: string;
  list: string;
  listId: string;
  keeper: string;
  relations: { organiser: string; compartment: string };
  controllers: string;
  createdAt: string;
  approvedAt: string;
  issuedAt: string;
  approvals: string;
  capacities: { keeper: string; dpo: string };
  auditPosition: string;
  destroyedCase: string;
  framework: string;
  finalState: string;
  states: { closed: string; not_signalled: string; refused: string };
  closedAt: string;
  retentionEnd: string;
  rule: string;
  reason: string;
  reasons: { retention_ended: string; necessity_review: string; restore: string };
  purgedAt: string;
  keyDestroyedAt: string;
  persons: string;
  items: string;
  paperParts: string;
  auditPositions: string;
  purge: string;
  keyDestruction: string;
  withdrawn: string;
  because: { legal_hold: string; reopened: string; restore: string };
  signature: string;
  signatureNote: string;
  algorithm: string;
  verifierKey: string;
  sha256: string;
  signatureValue: string;
}

export const PROOF_TEXTS: Record<ProofLanguage, ProofTexts> = {
  fr: {
    title: 'Preuve de destruction',
    banner:
      'Preuve de destruction de dossiers communs au terme du délai de conservation (art. 2, § 3, 4°). Elle ne contient aucune donnée à caractère personnel : identifiants, dates et nombres.',
    footer:
      'Concerto — la signature porte sur le JSON canonique de la preuve (clé des points de contrôle du journal).',
    list: 'Liste de destruction',
    listId: 'Liste',
    keeper: 'Gardien du dossier',
    relations: { organiser: 'organisateur', compartment: 'compartiment' },
    controllers: 'Responsables du traitement',
    createdAt: 'Établie le',
    approvedAt: 'Approuvée le',
    issuedAt: 'Preuve émise le',
    approvals: 'Approbations (quatre yeux)',
    capacities: { keeper: 'Gardien', dpo: 'Délégué à la protection des données' },
    auditPosition: 'position au journal',
    destroyedCase: 'Dossier détruit',
    framework: 'Cadre',
    finalState: 'État à la clôture',
    states: { closed: 'clôturé', not_signalled: 'non signalé', refused: 'signalement refusé' },
    closedAt: 'Clôturé le',
    retentionEnd: 'Fin du délai de conservation',
    rule: 'Règle',
    reason: 'Motif',
    reasons: {
      retention_ended: 'délai de conservation écoulé',
      necessity_review: 'examen de nécessité : supprimer',
      restore: 'détruit après la sauvegarde restaurée : destruction réappliquée à la restauration',
    },
    purgedAt: 'Effacé le',
    keyDestroyedAt: 'Clé détruite le',
    persons: 'Personnes',
    items: 'Informations par catégorie',
    paperParts: 'Pièces papier par catégorie',
    auditPositions: 'Positions au journal',
    purge: 'effacement',
    keyDestruction: 'destruction de la clé',
    withdrawn: 'Retirés de la liste',
    because: {
      legal_hold: 'mesure conservatoire',
      reopened: 'dossier rouvert',
      restore: 'repris par la restauration',
    },
    signature: 'Signature',
    signatureNote:
      'Vérifiez la signature Ed25519 du JSON canonique avec la clé de vérification publiée du journal.',
    algorithm: 'Algorithme',
    verifierKey: 'Clé de vérification',
    sha256: 'SHA-256 du JSON',
    signatureValue: 'Signature',
  },
  nl: {
    title: 'Bewijs van vernietiging',
    banner:
      'Bewijs van vernietiging van gezamenlijke dossiers na afloop van de bewaartermijn (art. 2, § 3, 4°). Het bevat geen persoonsgegevens: identificatoren, data en aantallen.',
    footer:
      'Concerto — de handtekening dekt de canonieke JSON van het bewijs (sleutel van de controlepunten van het logboek).',
    list: 'Vernietigingslijst',
    listId: 'Lijst',
    keeper: 'Beheerder van het dossier',
    relations: { organiser: 'organisator', compartment: 'compartiment' },
    controllers: 'Verwerkingsverantwoordelijken',
    createdAt: 'Opgemaakt op',
    approvedAt: 'Goedgekeurd op',
    issuedAt: 'Bewijs uitgereikt op',
    approvals: 'Goedkeuringen (vier ogen)',
    capacities: { keeper: 'Beheerder', dpo: 'Functionaris voor gegevensbescherming' },
    auditPosition: 'positie in het logboek',
    destroyedCase: 'Vernietigd dossier',
    framework: 'Kader',
    finalState: 'Toestand bij afsluiting',
    states: { closed: 'afgesloten', not_signalled: 'niet aangemeld', refused: 'aanmelding geweigerd' },
    closedAt: 'Afgesloten op',
    retentionEnd: 'Einde van de bewaartermijn',
    rule: 'Regel',
    reason: 'Reden',
    reasons: {
      retention_ended: 'bewaartermijn verstreken',
      necessity_review: 'noodzakelijkheidstoets: nu verwijderen',
      restore: 'vernietigd na de teruggezette back-up: vernietiging opnieuw toegepast bij het terugzetten',
    },
    purgedAt: 'Gewist op',
    keyDestroyedAt: 'Sleutel vernietigd op',
    persons: 'Personen',
    items: 'Informatie per categorie',
    paperParts: 'Papieren stukken per categorie',
    auditPositions: 'Posities in het logboek',
    purge: 'wissing',
    keyDestruction: 'vernietiging van de sleutel',
    withdrawn: 'Van de lijst gehaald',
    because: {
      legal_hold: 'bewarende maatregel',
      reopened: 'dossier heropend',
      restore: 'overgenomen door het terugzetten',
    },
    signature: 'Handtekening',
    signatureNote:
      'Controleer de Ed25519-handtekening van de canonieke JSON met de gepubliceerde verificatiesleutel van het logboek.',
    algorithm: 'Algoritme',
    verifierKey: 'Verificatiesleutel',
    sha256: 'SHA-256 van de JSON',
    signatureValue: 'Handtekening',
  },
  de: {
    title: 'Vernichtungsnachweis',
    banner:
      'Nachweis der Vernichtung gemeinsamer Akten nach Ablauf der Aufbewahrungsfrist (Art. 2 § 3 Nr. 4). Er enthält keine personenbezogenen Daten: Kennungen, Daten und Anzahlen.',
    footer:
      'Concerto — die Signatur deckt das kanonische JSON des Nachweises (Schlüssel der Kontrollpunkte des Protokolls).',
    list: 'Vernichtungsliste',
    listId: 'Liste',
    keeper: 'Verwahrer der Akte',
    relations: { organiser: 'Organisator', compartment: 'Fach' },
    controllers: 'Für die Verarbeitung Verantwortliche',
    createdAt: 'Erstellt am',
    approvedAt: 'Genehmigt am',
    issuedAt: 'Nachweis ausgestellt am',
    approvals: 'Genehmigungen (Vier-Augen-Prinzip)',
    capacities: { keeper: 'Verwahrer', dpo: 'Datenschutzbeauftragter' },
    auditPosition: 'Position im Protokoll',
    destroyedCase: 'Vernichtete Akte',
    framework: 'Rahmen',
    finalState: 'Stand bei Abschluss',
    states: { closed: 'abgeschlossen', not_signalled: 'nicht gemeldet', refused: 'Meldung abgelehnt' },
    closedAt: 'Abgeschlossen am',
    retentionEnd: 'Ende der Aufbewahrungsfrist',
    rule: 'Regel',
    reason: 'Grund',
    reasons: {
      retention_ended: 'Aufbewahrungsfrist abgelaufen',
      necessity_review: 'Erforderlichkeitsprüfung: jetzt löschen',
      restore:
        'nach der wiederhergestellten Sicherung vernichtet: Vernichtung bei der Wiederherstellung erneut angewandt',
    },
    purgedAt: 'Gelöscht am',
    keyDestroyedAt: 'Schlüssel vernichtet am',
    persons: 'Personen',
    items: 'Informationen je Kategorie',
    paperParts: 'Papierteile je Kategorie',
    auditPositions: 'Positionen im Protokoll',
    purge: 'Löschung',
    keyDestruction: 'Vernichtung des Schlüssels',
    withdrawn: 'Von der Liste genommen',
    because: {
      legal_hold: 'Sicherungsmaßnahme',
      reopened: 'Akte wiedereröffnet',
      restore: 'von der Wiederherstellung übernommen',
    },
    signature: 'Signatur',
    signatureNote:
      'Prüfen Sie die Ed25519-Signatur des kanonischen JSON mit dem veröffentlichten Prüfschlüssel des Protokolls.',
    algorithm: 'Algorithmus',
    verifierKey: 'Prüfschlüssel',
    sha256: 'SHA-256 des JSON',
    signatureValue: 'Signatur',
  },
  en: {
    title: 'Proof of destruction',
    banner:
      'Proof of the destruction of shared files at the end of their retention period (art. 2 § 3 4°). It holds no personal data: ids, dates and counts.',
    footer: "Concerto — the signature covers the proof's canonical JSON (the audit log's checkpoint key).",
    list: 'Destruction list',
    listId: 'List',
    keeper: 'Keeper of the file',
    relations: { organiser: 'organiser', compartment: 'compartment' },
    controllers: 'Controllers',
    createdAt: 'Drawn up on',
    approvedAt: 'Approved on',
    issuedAt: 'Proof issued on',
    approvals: 'Approvals (four eyes)',
    capacities: { keeper: 'Keeper', dpo: 'Data protection officer' },
    auditPosition: 'audit position',
    destroyedCase: 'Destroyed file',
    framework: 'Framework',
    finalState: 'State at closure',
    states: { closed: 'closed', not_signalled: 'not signalled', refused: 'signal refused' },
    closedAt: 'Closed on',
    retentionEnd: 'End of the retention period',
    rule: 'Rule',
    reason: 'Reason',
    reasons: {
      retention_ended: 'retention period ended',
      necessity_review: 'necessity review: delete now',
      restore: 'destroyed after the restored backup: destruction re-applied at the restore',
    },
    purgedAt: 'Erased on',
    keyDestroyedAt: 'Key destroyed on',
    persons: 'Persons',
    items: 'Information per category',
    paperParts: 'Paper parts per category',
    auditPositions: 'Audit positions',
    purge: 'erasure',
    keyDestruction: 'key destruction',
    withdrawn: 'Withdrawn from the list',
    because: { legal_hold: 'legal hold', reopened: 'file reopened', restore: 'taken over by the restore' },
    signature: 'Signature',
    signatureNote: "Check the Ed25519 signature of the canonical JSON with the log's published verifier key.",
    algorithm: 'Algorithm',
    verifierKey: 'Verifier key',
    sha256: 'SHA-256 of the JSON',
    signatureValue: 'Signature',
  },
};
