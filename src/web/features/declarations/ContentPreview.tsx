/**
 * The §3 content of a declaration as the generator gives it (L2007 art. 17 §3 1°-12°; SPEC
 * DCL-04..15): the same for the DPO's preview and the public register (art. 18, DCL-24), which
 * shows it without login. It holds no personal data by construction.
 */
import { useTranslation } from 'react-i18next';
import type { DeclarationContent } from '../../../contracts/declarations.js';

export function ContentPreview({
  content,
  headingLevel,
}: {
  content: DeclarationContent;
  headingLevel: 3 | 4;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { sections } = content;
  const x = 'declarations.content';
  return (
    <div lang={content.language}>
      <Heading>{t(`${x}.name`)}</Heading>
      <ul className="plain-list">
        {sections.name.processings.map((processing) => (
          <li key={processing.frameworkId}>
            <span lang="fr">{processing.fr}</span> / <span lang="nl">{processing.nl}</span>
          </li>
        ))}
      </ul>
      <Heading>{t(`${x}.controller`)}</Heading>
      <p>
        {sections.controller.legalName}
        {sections.controller.enterpriseNumber && ` (${sections.controller.enterpriseNumber})`}
        <br />
        {sections.controller.address}
      </p>
      <Heading>{t(`${x}.purposes`)}</Heading>
      <ul>
        {sections.purposes.purposes.map((purpose) => (
          <li key={purpose.code}>{purpose.label}</li>
        ))}
      </ul>
      {sections.purposes.description && <p>{sections.purposes.description}</p>}
      <Heading>{t(`${x}.categories`)}</Heading>
      <ul>
        {sections.categories.categories.map((category) => (
          <li key={category.code}>{category.label}</li>
        ))}
      </ul>
      <Heading>{t(`${x}.recipients`)}</Heading>
      <ul>
        {sections.recipients.categories.map((category) => (
          <li key={category.code}>
            {category.label}
            {category.organisations.length > 0 && ` (${category.organisations.join(', ')})`}
          </li>
        ))}
      </ul>
      <Heading>{t(`${x}.retention`)}</Heading>
      <ul>
        {sections.retention.frameworks.map((framework) => (
          <li key={framework.frameworkId}>{framework.text}</li>
        ))}
        {sections.retention.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <Heading>{t(`${x}.rights`)}</Heading>
      <p>{sections.rights.accessService}</p>
      <Heading>{t(`${x}.security`)}</Heading>
      <p>{sections.security.description}</p>
      <p>{t(`${x}.securityPlan`, { version: sections.security.planVersion })}</p>
    </div>
  );
}
