/**
 * The art. 38 evidence pack as a PDF (SPEC PEN-01): the five kinds of evidence of the JSON pack,
 * worded in the pack's language, with the use-limitation banner, the watermark of who exported it
 * (SEC-14) and the register numbers of the controller's processing in the footer of every page
 * (DCL-25, PEN-10). Pure: the pack is built before.
 */
import type { EvidencePack } from '../../../contracts/penal-evidence.js';
import type { PdfDocumentSpec, PdfSection } from '../../kernel/pdf/index.js';
import { registerFooter } from '../declarations/declaration-texts.js';
import { EVIDENCE_PACK_TEXTS } from './evidence-pack-texts.js';

const list = (values: readonly string[], none: string): string =>
  values.length > 0 ? values.join(', ') : none;

export function evidencePackPdfSpec(pack: EvidencePack, exportedBy: string): PdfDocumentSpec {
  const t = EVIDENCE_PACK_TEXTS[pack.language];
  const { labels } = t;
  const at = pack.generatedAt;
  const statement = pack.processingStatement;
  const sections: PdfSection[] = [
    {
      heading: t.headings.pack,
      fields: [
        [labels.controller, `${pack.controller.legalName} (${pack.controller.id})`],
        [labels.period, `${pack.period.from} – ${pack.period.to}`],
        [labels.registerNumbers, list(pack.registerNumbers, labels.none)],
        [labels.rule, pack.rule],
      ],
    },
    {
      heading: t.headings.contested,
      fields: [
        [labels.rule, pack.contestedFlags.rule],
        [labels.disclosures, String(pack.contestedFlags.summary.disclosures)],
        [labels.withContested, String(pack.contestedFlags.summary.withContestedItems)],
        [labels.unflagged, String(pack.contestedFlags.summary.unflagged)],
        ...pack.contestedFlags.disclosures.map((d): [string, string] => [
          `${labels.kinds[d.kind]} ${d.id} · ${d.at}`,
          [
            `${labels.items}: ${list(d.itemIds, labels.none)}`,
            `${labels.contested}: ${list(d.contestedItemIds, labels.none)}`,
            `${labels.flagged}: ${d.flaggedItemIds === null ? labels.notRendered : list(d.flaggedItemIds, labels.none)}`,
          ].join(' · '),
        ]),
      ],
    },
    {
      heading: t.headings.statement,
      fields: [
        [labels.period, `${statement.period.from} – ${statement.period.to}`],
        [
          labels.purposes,
          list(
            statement.purposes.map((p) => `${p.code} ${p.label}`),
            labels.none,
          ),
        ],
        [
          labels.categories,
          list(
            statement.categories.map((c) => `${c.code} ${c.recorded} / ${c.consulted}`),
            labels.none,
          ),
        ],
        [
          labels.consultations,
          `${statement.consultations.byOwnStaff} / ${statement.consultations.byOtherOrganisations}`,
        ],
        [
          labels.recipients,
          list(
            statement.recipients.map((r) => `${r.label}: ${r.count}`),
            labels.none,
          ),
        ],
        [
          labels.interconnections,
          list(
            statement.interconnections.map((i) => i.name),
            labels.none,
          ),
        ],
      ],
    },
    {
      heading: t.headings.conformity,
      fields: [
        [labels.rule, pack.declarationConformity.rule],
        [labels.mismatches, String(pack.declarationConformity.mismatches)],
        ...pack.declarationConformity.declarations.map((d): [string, string] => [
          `${labels.declaration} ${d.registerNumber ?? d.declarationId}`,
          d.conforms === null
            ? labels.nothingToCompare
            : d.conforms
              ? `${labels.conforms} (v${d.comparedWithVersion})`
              : `${labels.differs} (v${d.comparedWithVersion}): ${list(
                  [...d.differences.map((x) => x.item), ...d.missingFields],
                  labels.none,
                )}`,
        ]),
      ],
    },
    {
      heading: t.headings.permissions,
      fields: [
        [labels.rule, pack.accessPermissions.rule],
        [labels.takenAt, pack.accessPermissions.snapshot.takenAt],
        ...pack.accessPermissions.snapshot.members.map((m): [string, string] => [
          `${labels.member} ${m.userId}`,
          [
            m.roles.join(', '),
            m.active ? '' : 'inactive',
            m.designations.join(', '),
            m.crossCaseSearch ? 'cross_case_search' : '',
          ]
            .filter((part) => part !== '')
            .join(' · '),
        ]),
        ...pack.accessPermissions.snapshot.representatives.map((r): [string, string] => [
          `${labels.representative} ${r.userId}`,
          `${r.validFrom} – ${r.validTo}`,
        ]),
        ...pack.accessPermissions.snapshot.cases.map((c): [string, string] => [
          `${labels.caseLabel} ${c.caseId} (${c.state})`,
          c.audience.map((a) => `${a.relation}: ${a.organisationId}`).join(' · '),
        ]),
      ],
    },
    {
      heading: t.headings.refused,
      paragraphs: pack.refusedDisclosures.events.length === 0 ? [labels.noEvent] : [],
      fields: [
        [labels.rule, pack.refusedDisclosures.rule],
        ...pack.refusedDisclosures.events.map((e): [string, string] => [
          `#${e.position} · ${e.at}`,
          [
            `${e.actor.role} ${e.actor.userId} (${e.actor.organisationId})`,
            e.caseId ? `${labels.caseLabel} ${e.caseId}` : '',
            e.reason ?? '',
          ]
            .filter((part) => part !== '')
            .join(' · '),
        ]),
      ],
    },
  ];
  return {
    language: pack.language,
    title: t.title,
    banner: t.banner,
    watermark: `${exportedBy} · ${pack.controller.legalName} · ${at}`,
    // SPEC DCL-25 (L1992 art. 18 al. 4): the register numbers of the processing on every page.
    footer: `${registerFooter(pack.registerNumbers, pack.language)} · ${at}`,
    metadata: {
      subject: t.banner,
      keywords: ['L1992 art. 38', `${pack.period.from}/${pack.period.to}`],
      author: pack.controller.legalName,
      creationDate: new Date(at),
    },
    sections,
  };
}
