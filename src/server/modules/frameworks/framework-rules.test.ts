/**
 * When a framework may be activated (CP art. 458ter §1 al. 1 and al. 3; SPEC SCO-03, SCO-04,
 * FIL-01): the pure rules over a stored draft, field by field.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import { createLegalRules, MAX_RETENTION } from '../../kernel/legal-rules/index.js';
import { activationIssues, citesOnlyArticle458ter, type FrameworkRecord, retentionProblem } from './framework-rules.js';

const rules = createLegalRules({ clock: new ManualClock('2026-03-02T09:00:00Z') });
/** The legal cap in months (bill art. 2 §3 4°), read from the legal rules rather than written here. */
const CAP_MONTHS = MAX_RETENTION.duration.amount * 12;

const complete = (overrides: Partial<FrameworkRecord> = {}): FrameworkRecord => ({
  name: 'Ketenaanpak intrafamiliaal geweld',
  template: 'intrafamily_violence',
  basisKind: 'decree',
  basisCitation: { title: 'Decreet over de Veilige Huizen', date: '2023-06-30', article: 'art. 5' },
  authorisation: null,
  processingBasis: { kind: 'federated_decree', citation: 'Decreet van 30 juni 2023, art. 3' },
  authorisingOrganisationId: null,
  purposes: ['P1'],
  organiserOrganisationId: 'org-coordination',
  participantIds: ['org-police', 'org-cpas'],
  modalities: 'Maandelijks casusoverleg.',
  ownFileExportDisabled: false,
  exportFourEyes: false,
  allowedCategories: ['C01', 'C11'],
  defaultRetention: { months: 60, otherRule: null },
  designatedControllers: null,
  ...overrides,
});

const fieldsOf = (record: FrameworkRecord) => activationIssues(record, rules).map((issue) => issue.field);

describe('framework activation rules', () => {
  it('SCO-03 finds nothing missing in a complete framework', () => {
    expect(activationIssues(complete(), rules)).toEqual([]);
  });

  it('SCO-03 names each missing element by its own field', () => {
    expect(fieldsOf(complete({ basisKind: null }))).toEqual(['/basisKind']);
    expect(fieldsOf(complete({ basisCitation: null }))).toEqual(['/basisCitation']);
    expect(fieldsOf(complete({ processingBasis: null }))).toEqual(['/processingBasis']);
    expect(fieldsOf(complete({ purposes: [] }))).toEqual(['/purposes']);
    expect(fieldsOf(complete({ organiserOrganisationId: null }))).toEqual(['/organiserOrganisationId']);
    expect(fieldsOf(complete({ participantIds: [] }))).toEqual(['/participantIds']);
    expect(fieldsOf(complete({ modalities: null }))).toEqual(['/modalities']);
    expect(fieldsOf(complete({ defaultRetention: null }))).toEqual(['/defaultRetention']);
  });

  it('SCO-03 lists everything an empty draft lacks at once, each with a message', () => {
    const empty = complete({
      template: null,
      basisKind: null,
      basisCitation: null,
      processingBasis: null,
      purposes: [],
      organiserOrganisationId: null,
      participantIds: [],
      modalities: null,
      defaultRetention: null,
    });
    const issues = activationIssues(empty, rules);
    expect(issues.map((issue) => issue.field)).toEqual([
      '/basisKind',
      '/processingBasis',
      '/purposes',
      '/organiserOrganisationId',
      '/participantIds',
      '/modalities',
      '/defaultRetention',
    ]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(10);
  });

  it("SCO-03 wants the procureur du Roi's authorisation and its signed document, not a citation, for an authorisation basis", () => {
    const authorised = complete({
      basisKind: 'prosecutor_authorisation',
      basisCitation: null,
      authorisingOrganisationId: 'org-parquet',
    });
    expect(fieldsOf(authorised)).toEqual(['/authorisation']);
    // bill arts 7-8: the authorising office restricts rights and keeps the list of its cases.
    expect(fieldsOf({ ...authorised, authorisingOrganisationId: null })).toEqual([
      '/authorisation',
      '/authorisingOrganisationId',
    ]);
    const motivated = { reference: 'PG/2026/17', date: '2026-01-20', motivation: 'Ketenaanpak jeugddelinquentie.' };
    expect(fieldsOf({ ...authorised, authorisation: { ...motivated, documentSha256: null } })).toEqual([
      '/authorisationDocument',
    ]);
    expect(fieldsOf({ ...authorised, authorisation: { ...motivated, documentSha256: 'ab'.repeat(32) } })).toEqual([]);
  });

  it('SCO-04 refuses a processing basis that cites only CP art. 458ter', () => {
    const only458ter = complete({ processingBasis: { kind: 'specific_law', citation: 'CP art. 458ter' } });
    expect(activationIssues(only458ter, rules)).toEqual([
      { field: '/processingBasis/citation', message: expect.stringContaining('SCO-04') },
    ]);
  });

  it('FIL-01 refuses a default retention beyond the legal cap unless another rule is cited', () => {
    const tooLong = complete({ defaultRetention: { months: CAP_MONTHS + 12, otherRule: null } });
    expect(fieldsOf(tooLong)).toEqual(['/defaultRetention/months']);
    const otherLaw = complete({
      defaultRetention: { months: CAP_MONTHS + 12, otherRule: 'Organic law of the participant, art. 44/9' },
    });
    expect(fieldsOf(otherLaw)).toEqual([]);
  });
});

describe('citesOnlyArticle458ter', () => {
  it.each([
    'CP art. 458ter',
    'art. 458ter Strafwetboek',
    'Article 458ter du Code pénal',
    'Art. 458 ter, §1, al. 3 CP',
    'artikel 458ter Sw.',
    'Criminal Code, art. 458ter',
    'art. 458ter, § 1er, al. 1er, du Code pénal',
    'artikel 458ter, § 1, eerste lid, van het Strafwetboek',
    'C.P. art. 458ter',
    'art. 458ter C. pén.',
  ])('SCO-04 refuses "%s" as the only legal basis', (citation) => {
    expect(citesOnlyArticle458ter(citation)).toBe(true);
  });

  it.each([
    "Décret du 30 juin 2023 relatif au traitement des données à caractère personnel dans le cadre d'une collaboration multidisciplinaire lors de la participation à une concertation de cas sur la base de l'article 458ter du Code pénal",
    'Decreet van 30 juni 2023, art. 3',
    'Bill DOC 56 0485/001, arts 2-8',
    'Wet van 30 juli 2018, art. 9, en art. 458ter Sw.',
  ])('SCO-04 accepts "%s", which cites another instrument', (citation) => {
    expect(citesOnlyArticle458ter(citation)).toBe(false);
  });
});

describe('retentionProblem', () => {
  it(`FIL-01 refuses ${CAP_MONTHS + 12} months (31 years) without another rule, and accepts the cap itself`, () => {
    expect(retentionProblem(rules, { months: CAP_MONTHS + 12 })).toMatch(/exceeds/);
    expect(retentionProblem(rules, { months: CAP_MONTHS + 12, otherRule: '   ' })).toMatch(/exceeds/);
    expect(retentionProblem(rules, { months: CAP_MONTHS })).toBeUndefined();
    expect(retentionProblem(rules, { months: 60, otherRule: null })).toBeUndefined();
  });

  it('FIL-01 accepts more than the cap when another legal rule is named', () => {
    expect(retentionProblem(rules, { months: CAP_MONTHS + 12, otherRule: 'Organic law, art. 12' })).toBeUndefined();
  });

  it('FIL-01 refuses a period that is not a whole number of months', () => {
    expect(retentionProblem(rules, { months: 0 })).toBeDefined();
    expect(retentionProblem(rules, { months: 1.5 })).toBeDefined();
  });
});
