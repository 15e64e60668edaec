import {
  ACCESS_ANSWER,
  type LegalPeriod,
  OBJECTION_ANSWER,
  RECIPIENT_IDENTITY_RETENTION,
  RECTIFICATION_NOTICE,
  REPEAT_ACCESS_INTERVAL,
} from './rules.js';

/**
 * Data-protection regimes of a participant (SPEC SCO-07, SCO-15): GDPR (bill art. 2 §2 al. 4 1.),
 * Title 2 or Title 3 of the Law of 30 July 2018 (bill art. 2 §2 al. 4 2.), and the intelligence and
 * security services of L2007 art. 3 §4. The 1992/2007 law was repealed in 2018, so every deadline is a
 * per-regime parameter with the seed-law value as default (SPEC §0 caveat 2, A-02): the GDPR and 2018
 * values (e.g. GDPR access: one month, extendable – external, verify) are set by override.
 */
export const REGIMES = ['gdpr', 'law2018_title2', 'law2018_title3', 'intelligence'] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * How a data subject exercises the rights of arts 10 and 12: directly with the controller, or only
 * through the Commission, which tells the person no more than that verifications were made
 * (L2007 art. 3 §4 excludes arts 10, 12 and 14 for intelligence services; art. 13). SPEC RGT-IND-02.
 */
export type RightsRoute = 'direct' | 'commission';

export interface RegimeProfile {
  readonly rightsRoute: RightsRoute;
  /** SPEC RGT-ACC-03. */
  readonly accessAnswer: LegalPeriod;
  /** SPEC RGT-REC-04. */
  readonly rectificationNotice: LegalPeriod;
  /** SPEC RGT-OBJ-02. */
  readonly objectionAnswer: LegalPeriod;
  /** SPEC RGT-ACC-06. */
  readonly repeatAccessInterval: LegalPeriod;
  /** A minimum (SPEC SEC-05 "≥ 12 months"). SPEC RGT-REC-05. */
  readonly recipientIdentityRetention: LegalPeriod;
}

export type RegimePeriodName = Exclude<keyof RegimeProfile, 'rightsRoute'>;

const SEED_LAW_PERIODS: Omit<RegimeProfile, 'rightsRoute'> = {
  accessAnswer: ACCESS_ANSWER,
  rectificationNotice: RECTIFICATION_NOTICE,
  objectionAnswer: OBJECTION_ANSWER,
  repeatAccessInterval: REPEAT_ACCESS_INTERVAL,
  recipientIdentityRetention: RECIPIENT_IDENTITY_RETENTION,
};

/**
 * Default profiles. Police items of a Title 2 participant may still go the indirect route per item
 * (L2007 art. 3 §5, SPEC RGT-IND-01): that is decided per item, not per regime.
 */
export const REGIME_DEFAULTS: Readonly<Record<Regime, RegimeProfile>> = {
  gdpr: { rightsRoute: 'direct', ...SEED_LAW_PERIODS },
  law2018_title2: { rightsRoute: 'direct', ...SEED_LAW_PERIODS },
  law2018_title3: { rightsRoute: 'direct', ...SEED_LAW_PERIODS },
  intelligence: { rightsRoute: 'commission', ...SEED_LAW_PERIODS },
};
