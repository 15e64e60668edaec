/**
 * The demo's frameworks (demo-frameworks.ts), created, completed and activated by the demo
 * operator through the framework service, which checks each one as it would any other (SPEC
 * SCO-03). A prosecutor's authorisation comes with its signed document: a PDF made here.
 */
import { renderPdf } from '../../kernel/pdf/index.js';
import {
  DEMO_FRAMEWORKS,
  type DemoFramework,
  type DemoFrameworkKey,
  frameworkInput,
} from './demo-frameworks.js';
import { organisationId, type SeedContext } from './seed-context.js';

/** The procureur du Roi's signed authorisation, as a demo document that says it is one. */
function authorisationPdf(framework: DemoFramework, at: Date): Promise<Buffer> {
  const authorisation = framework.basis.authorisation!;
  return renderPdf({
    language: 'fr',
    title: `Autorisation motivée du procureur du Roi – ${authorisation.reference}`,
    banner: 'Document de démonstration: autorisation fictive, sans valeur juridique.',
    watermark: 'DÉMO – Concerto',
    metadata: {
      subject: framework.name,
      keywords: framework.purposes,
      author: 'Parquet du procureur du Roi de Démo',
      creationDate: at,
    },
    sections: [
      {
        heading: 'Autorisation (art. 458ter, § 1er, al. 1er, du Code pénal)',
        fields: [
          ['Référence', authorisation.reference],
          ['Date', authorisation.date],
          ['Concertation', framework.name],
        ],
        paragraphs: [authorisation.motivation, 'Signé: le procureur du Roi de Démo (signature fictive).'],
      },
    ],
  });
}

export async function seedFrameworks(context: SeedContext): Promise<void> {
  const { frameworks } = context.services;
  for (const [key, framework] of Object.entries(DEMO_FRAMEWORKS) as [DemoFrameworkKey, DemoFramework][]) {
    const draft = await frameworks.createFramework(
      context.operator,
      frameworkInput(framework, (party) => organisationId(context, party)),
    );
    if (framework.basis.authorisation) {
      await frameworks.uploadAuthorisationDocument(
        context.operator,
        draft.id,
        await authorisationPdf(framework, context.now),
      );
    }
    await frameworks.activateFramework(context.operator, draft.id);
    context.frameworks.set(key, draft.id);
  }
}
