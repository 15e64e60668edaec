import { type Duration, days, months, workingDays, years } from './durations.js';

/**
 * The legal periods and limits of SPEC §19, each with the article that sets it. Seeds: "bill" =
 * 000_9a75cacc1b5012f2.txt, "L1992" = 002_9ea2bcbf2ff484d2.txt, "L2007" = 003_16683e48df4480e5.txt.
 * Where the French and Dutch texts disagree the French text is followed (SPEC A-18).
 */
export interface LegalPeriod {
  readonly duration: Duration;
  /** The article that sets the period, cited in errors and deadlines. */
  readonly rule: string;
}

// --- Retention (SPEC §7) -------------------------------------------------------------------

/**
 * bill art. 2 §3 4°: the maximum retention "ne pourra jamais excéder trente ans après la clôture du
 * dossier", unless other provisions in force set another period. Applies to the shared file (art. 3
 * §1 al. 1, the participants' agreed maximum) and to the own file (art. 4 al. 5). SPEC RET-01,
 * RET-02, FIL-01, FIL-09.
 */
export const MAX_RETENTION: LegalPeriod = { duration: years(30), rule: 'bill art. 2 §3 4°' };

/**
 * bill art. 8 al. 2: each identity on the prosecutor's list "est effacée au plus tard trente ans
 * après son enregistrement". Counted from registration, not from closure (SPEC A-15). SPEC LST-03,
 * RET-04.
 */
export const PROSECUTOR_LIST_ERASURE: LegalPeriod = { duration: years(30), rule: 'bill art. 8 al. 2' };

/**
 * Default retention of a draft closed as not signalled. The bill sets no period for it (bill art. 2
 * §3 1° and 4°; SPEC A-11): this is SPEC's proposal, configurable and capped by MAX_RETENTION.
 * PENDING LEGAL VALIDATION. SPEC RET-06.
 */
export const DRAFT_RETENTION_DEFAULT: LegalPeriod & { readonly pendingLegalValidation: true } = {
  duration: years(1),
  rule: 'bill art. 2 §3 1° and 4° (no period set; SPEC RET-06 proposal)',
  pendingLegalValidation: true,
};

/**
 * L2007 art. 4 §1 5°: data are kept no longer than necessary. The interval between necessity reviews
 * of a closed case is SPEC's default, configurable. SPEC RET-05.
 */
export const NECESSITY_REVIEW_INTERVAL_DEFAULT: LegalPeriod = {
  duration: months(12),
  rule: 'L2007 art. 4 §1 5° (interval: SPEC RET-05 default)',
};

/**
 * bill art. 2 §3 4°: the data are not kept beyond the end of their retention. Their destruction is
 * approved by four eyes (issue 6; SPEC RET-01), so a case goes on its destruction list this many days
 * before its retention ends, for the approvals to be given in time: the purge itself runs on the
 * first day after the end. The lead is Concerto's default, configurable in days.
 */
export const DESTRUCTION_LIST_LEAD_DEFAULT: LegalPeriod = {
  duration: days(30),
  rule: 'bill art. 2 §3 4° (lead: the four eyes approve before the end; SPEC RET-01)',
};

/**
 * bill art. 4 al. 5: an own-file copy is kept no longer than the period of art. 2 (or its organic
 * law's). Its holder is reminded this many days before the copy falls due, so that it can erase it
 * in time; the lead is SPEC FIL-09's default, configurable in days.
 */
export const OWN_FILE_COPY_REMINDER_LEAD_DEFAULT: LegalPeriod = {
  duration: days(30),
  rule: 'bill art. 4 al. 5 (lead: SPEC FIL-09 default)',
};

// --- Data-subject rights (SPEC §9), seed-law values; regimes may override (regimes.ts) ---------

/**
 * L2007 art. 10 §1 al. 3 (L1992 art. 10 §1 al. 2): access information is given "sans délai et au plus
 * tard dans les quarante-cinq jours de la réception de la demande" – calendar days. The NL 1992
 * text reads "vijfenvierig" (art. 10) and "vijfenvijftig" (art. 39 5°); the FR 45 is followed (SPEC
 * SPEC RGT-ACC-03, PEN-06.
 */
export const ACCESS_ANSWER: LegalPeriod = {
  duration: days(45),
  rule: 'L2007 art. 10 §1 al. 3; L1992 art. 10 §1 al. 2',
};

/**
 * L2007 art. 12 §3 al. 1 (L1992 art. 12 §3 al. 1): rectifications and erasures are communicated to the
 * data subject and to known recipients "dans le mois qui suit l'introduction de la requête". SPEC
 * RGT-REC-04.
 */
export const RECTIFICATION_NOTICE: LegalPeriod = {
  duration: months(1),
  rule: 'L2007 art. 12 §3 al. 1; L1992 art. 12 §3 al. 1',
};

/** L2007 art. 12 §3 al. 2: the answer to an objection is given "dans le même délai". SPEC RGT-OBJ-02. */
export const OBJECTION_ANSWER: LegalPeriod = { duration: months(1), rule: 'L2007 art. 12 §3 al. 2' };

/**
 * L1992 art. 12 §3 al. 2 [1992-only, retained]: the identity of recipients is kept "pendant une période
 * de douze mois" – a minimum, counted from each communication (SPEC's reading). SPEC RGT-REC-05, SEC-05.
 */
export const RECIPIENT_IDENTITY_RETENTION: LegalPeriod = {
  duration: months(12),
  rule: 'L1992 art. 12 §3 al. 2',
};

/**
 * L1992 art. 10 §2 al. 1: a repeat access request need only be answered twelve months after the
 * previous answered request (or ex officio communication); L2007 art. 10 §3 says "un délai
 * raisonnable", for which 12 months is the default look-back. SPEC RGT-ACC-06, SUP-05.
 */
export const REPEAT_ACCESS_INTERVAL: LegalPeriod = {
  duration: months(12),
  rule: 'L2007 art. 10 §3 ("délai raisonnable"); L1992 art. 10 §2 al. 1 (12 months)',
};

/**
 * L1992 art. 10 §2 al. 2: "dans des cas exceptionnels ou lorsqu'a eu lieu une modification des
 * données, la Commission ... peut imposer le respect de délais inférieurs à douze mois". The
 * Commission's instruction names the person and the shorter interval. SPEC SUP-05.
 */
export const COMMISSION_REPEAT_INTERVAL_RULE = 'L1992 art. 10 §2 al. 2';

/**
 * bill art. 7 al. 2: the procureur du Roi answers every request of interested persons "dans un délai
 * de trois mois à compter de la demande". SPEC RGT-RST-09.
 */
export const PROSECUTOR_ANSWER: LegalPeriod = { duration: months(3), rule: 'bill art. 7 al. 2' };

/**
 * Reminders of the rights desks before a clock runs out. Operational defaults of SPEC, not legal
 * periods: RGT-ACC-03 (day 30 and day 40 of the 45), RGT-RST-09 (2 months and about 2.5 months of
 * the 3). SPEC sets none for the one-month answers (RGT-REC-04, RGT-OBJ-02): halfway and a week
 * before.
 */
export const RIGHTS_REMINDERS = {
  access: [days(30), days(40)],
  oneMonth: [days(15), days(23)],
  prosecutor: [months(2), days(75)],
} as const satisfies Record<string, readonly Duration[]>;

/**
 * bill art. 7 al. 1: a restriction only "si cette mesure est nécessaire et proportionnée". The bill
 * sets no review period: SPEC RGT-RST-07 makes the review date mandatory, by default at most 12
 * months after the start, configurable. The review date is a check, never an end: the
 * restriction is not lifted when it passes (RST-07).
 */
export const RESTRICTION_REVIEW_MAX: LegalPeriod = {
  duration: months(12),
  rule: 'bill art. 7 al. 1 ("nécessaire et proportionnée"; SPEC RGT-RST-07 default)',
};

/**
 * bill art. 7 al. 1: the necessity and proportionality of a restriction are stated for its
 * grounds; SPEC RGT-RST-07 asks for a justification of a configurable minimum length. 40
 * characters refuse a placeholder ("nécessaire", "zie dossier") and leave a sentence.
 */
export const RESTRICTION_JUSTIFICATION_MIN_LENGTH = {
  characters: 40,
  rule: 'bill art. 7 al. 1 ("nécessaire et proportionnée"; SPEC RGT-RST-07)',
} as const;

/**
 * L2007 art. 14 §5: the court action is admissible only if the request was rejected or not answered
 * within the period of art. 10 §1 (access) or art. 12 §3 al. 1 (rectification, erasure, objection).
 * L1992 art. 14 §5 said 45 days for both; the 2007 text is followed (SPEC V-14). The article cites
 * "art. 10 §1 al. 2" for what is al. 3 in the seed (SPEC A-21): the period is 45 days regardless.
 * SPEC RGT-CRT-02.
 */
export const COURT_ACTION_ADMISSIBILITY_RULE = 'L2007 art. 14 §5';

// --- Declaration (SPEC §12) ------------------------------------------------------------------

/**
 * L2007/L1992 art. 17 §2: the Commission acknowledges a declaration "dans les trois jours ouvrables".
 * Working days here exclude Saturdays, Sundays and Belgian legal public holidays. SPEC DCL-03.
 */
export const COMMISSION_ACKNOWLEDGEMENT: LegalPeriod = {
  duration: workingDays(3),
  rule: 'L2007 art. 17 §2; L1992 art. 17 §2',
};

/**
 * L2007/L1992 art. 17 §9: the declaration contribution may not exceed 10,000 Belgian francs.
 * SPEC DCL-23.
 */
export const DECLARATION_CONTRIBUTION_MAX_BEF = {
  amount: 10_000,
  rule: 'L2007 art. 17 §9; L1992 art. 17 §9',
};

/**
 * The irrevocable conversion rate of the Belgian franc, to read the contribution's cap of art. 17
 * §9 in euro: 1 EUR = 40.3399 BEF (Council Regulation (EC) No 2866/98 of 31 December 1998, art. 1 –
 * external, verify). SPEC DCL-23.
 */
export const BEF_PER_EUR = { rate: 40.3399, rule: 'Council Regulation (EC) No 2866/98, art. 1' };

// --- Security evidence and statistics (SPEC SEC-03, SCO-08, PUR-03) ---------------------------

/**
 * L2007 art. 16 §4 al. 1-2 (L1992 art. 16 §3): the security measures must stay adequate "compte tenu
 * de l'état de la technique". SPEC SEC-03 makes the instance's risk assessment and security plan
 * reviewed at least annually (and on each significant change): a review older than this is due.
 */
export const SECURITY_PLAN_REVIEW_INTERVAL: LegalPeriod = {
  duration: months(12),
  rule: 'L2007 art. 16 §4 (SPEC SEC-03: reviewed at least annually)',
};

/**
 * L2007 art. 16 §4 al. 1: protection "contre la destruction accidentelle ou non autorisée [et] la
 * perte accidentelle". SPEC SEC-03 asks for evidence of a restore test dated within the last 12
 * months.
 */
export const RESTORE_TEST_INTERVAL: LegalPeriod = {
  duration: months(12),
  rule: 'L2007 art. 16 §4 (SPEC SEC-03: a restore test within the last 12 months)',
};

/**
 * L2007 art. 4 §1 2° and 5°: statistics are a further processing allowed only without identifiable
 * persons; SPEC PUR-03 and RET-05 allow anonymised aggregates only. A count of fewer cases than this
 * is suppressed (issue 6 scope 9), so that no count points at a few persons.
 */
export const STATISTICS_SMALL_COUNT = {
  minimum: 5,
  rule: 'L2007 art. 4 §1 2° and 5° (SPEC PUR-03, RET-05: anonymised aggregates only)',
} as const;

// --- Penalties as audit evidence (SPEC §17; 1992 text, amounts in BEF, SPEC A-19) ------------

/**
 * L1992 art. 41 §2: the court may prohibit a person from managing any processing "pour deux ans au
 * maximum". SPEC PEN-17.
 */
export const MANAGEMENT_PROHIBITION_MAX: LegalPeriod = { duration: years(2), rule: 'L1992 art. 41 §2' };

interface FineRange {
  readonly minBef: number;
  readonly maxBef: number;
  readonly rule: string;
}

/** L1992 art. 37: Commission members, staff or experts breaching confidentiality. SPEC PEN-22. */
export const FINE_COMMISSION_CONFIDENTIALITY: FineRange = {
  minBef: 200,
  maxBef: 10_000,
  rule: 'L1992 art. 37',
};
/** L1992 art. 38: breaches of art. 15 or art. 16 §1. SPEC PEN-01. */
export const FINE_ART_15_16: FineRange = { minBef: 100, maxBef: 20_000, rule: 'L1992 art. 38' };
/** L1992 art. 39 1°-13°. SPEC PEN-02…14. */
export const FINE_ART_39: FineRange = { minBef: 100, maxBef: 100_000, rule: 'L1992 art. 39' };

/**
 * L1992 art. 41 §3: breach of the prohibition or re-offending: imprisonment from three months to two
 * years and/or a fine of 100-100,000 BEF. SPEC PEN-18.
 */
export const PENALTY_PROHIBITION_BREACH = {
  imprisonmentMin: months(3),
  imprisonmentMax: years(2),
  fine: { minBef: 100, maxBef: 100_000, rule: 'L1992 art. 41 §3' } satisfies FineRange,
  rule: 'L1992 art. 41 §3',
};

// --- Court-ordered erasure and emergency destruction (SPEC PEN-16, RET-09) -----------------

/**
 * L1992 art. 41 §1: on a conviction under art. 39, the judge may order "l'effacement de ces données",
 * even where the media do not belong to the convicted person. The controller's DPO records the order
 * and a second, distinct person of the controller executes it (four eyes, as the retention purge: L2007
 * art. 16 §4); a legal hold (L2007 art. 14 §7, SPEC RET-08) yields only to the ordering court's own
 * reference. SPEC PEN-16.
 */
export const COURT_ERASURE = {
  rule: 'L1992 art. 41 §1 (SPEC PEN-16)',
  fourEyesRule: 'L1992 art. 41 §1; L2007 art. 16 §4 (SPEC PEN-16: recorded and executed by two distinct persons)',
  legalHoldRule:
    "L2007 art. 14 §7; L1992 art. 41 §1 (SPEC PEN-16, RET-08: a legal hold yields only to the ordering court's reference)",
} as const;

/**
 * L1992 art. 45 al. 1: the King may designate the authorities that order or carry out the destruction
 * of processings "en temps de guerre", in the periods assimilated to it under art. 7 of the law of 12
 * May 1927 on military requisitions, and during the occupation of the territory by the enemy; al. 3:
 * breaching those decrees, or misusing the right of destruction, is fined 100 to 100,000 BEF. SPEC
 * RET-09 allows the procedure in a drill environment: two distinct designated approvers.
 */
export const EMERGENCY_DESTRUCTION = {
  circumstances: ['wartime', 'assimilated_period', 'enemy_occupation', 'drill'] as const,
  approvers: 2,
  rule: 'L1992 art. 45 al. 1 (SPEC RET-09)',
  designationRule: 'L1992 art. 45 al. 1 (SPEC RET-09: accounts designated under a royal decree, recorded by the operator)',
  fourEyesRule: 'L1992 art. 45 al. 1 (SPEC RET-09: two distinct designated approvers)',
  misuseFine: { minBef: 100, maxBef: 100_000, rule: 'L1992 art. 45 al. 3' } satisfies FineRange,
};

// --- Context only (no workflow uses them; SPEC §19 lists them, §21 judges them not implementable)

/**
 * L2007 art. 9 §2 al. 4: information for disclosures made before the provision entered into force is
 * given within 3 years of its entry into force. Transitional; SPEC RGT-INF-04 (migration checklist).
 */
export const INFORMATION_TRANSITIONAL_PERIOD: LegalPeriod = {
  duration: years(3),
  rule: 'L2007 art. 9 §2 al. 4',
};

/**
 * L1992 art. 29 §2 al. 2: the Commission gives its advice within sixty days of receiving all data; §3
 * al. 2: in specially motivated urgent cases the period is reduced, "à quinze jours au minimum".
 */
export const COMMISSION_ADVICE = {
  standard: days(60),
  urgentMinimum: days(15),
  rule: 'L1992 art. 29 §2 al. 2, §3 al. 2',
};

/** L1992 art. 52: the law enters into force at the latest on the first day of the 18th month after publication. */
export const LAW_1992_LATEST_ENTRY_INTO_FORCE: LegalPeriod = { duration: months(18), rule: 'L1992 art. 52' };
