/**
 * What the grantee reads under an approved break-glass grant (L2007 art. 16 §3; SPEC SEC-12): the
 * controller's persons and items of the one case, until the window ends. An item whose content
 * stays hidden (a special category without designation, a blocked or erased item) says why. The
 * read is audited and reported to the controller's DPOs at once.
 */
import { useTranslation } from 'react-i18next';
import type { BreakGlassContent } from '../../../contracts/break-glass.js';
import { CATEGORY_CODES, type CategoryCode } from '../../../contracts/legal-codes.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';

const isCategory = (code: string): code is CategoryCode =>
  (CATEGORY_CODES as readonly string[]).includes(code);

export function ContentViewer({ content }: { content: BreakGlassContent }) {
  const { t, i18n } = useTranslation();
  const names = new Map(
    content.persons.map((person) => [person.id, `${person.surname} ${person.firstNames}`]),
  );
  const headingId = `break-glass-content-${content.grantId}`;
  // A full date reads in the user's language; a partial one (a year) as recorded.
  const birthDate = (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, i18n.language) : value;
  return (
    <section className="preview" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('breakGlass.content.title', { controller: content.controller.legalName })}</h4>
      <p className="banner banner--warning" role="note">
        {t('breakGlass.content.windowEnds', { date: formatDateTime(content.expiresAt, i18n.language) })}
      </p>
      <h5>{t('breakGlass.content.persons')}</h5>
      {content.persons.length === 0 ? (
        <p>{t('breakGlass.content.noPersons')}</p>
      ) : (
        <ul className="plain-list">
          {content.persons.map((person) => (
            <li key={person.id}>
              {person.surname} {person.firstNames}
              {person.birthDate && `, ${t('breakGlass.content.born', { date: birthDate(person.birthDate) })}`}{' '}
              – {t(`personRoles.${person.role}`)}
            </li>
          ))}
        </ul>
      )}
      <h5>{t('breakGlass.content.items')}</h5>
      {content.items.length === 0 ? (
        <p>{t('breakGlass.content.noItems')}</p>
      ) : (
        <ul className="tasks">
          {content.items.map((item) => (
            <li key={item.id} className="task">
              <div>
                <p>
                  <span className="code">{item.category}</span>{' '}
                  {isCategory(item.category) && t(`categories.${item.category}`)}{' '}
                  {t('breakGlass.content.version', { version: item.version })}{' '}
                  <span className="task__date">{formatDateTime(item.createdAt, i18n.language)}</span>
                </p>
                {item.personIds.length > 0 && (
                  <p>
                    {t('breakGlass.content.about', {
                      persons: item.personIds.map((id) => names.get(id) ?? id).join(', '),
                    })}
                  </p>
                )}
                {item.withheld ? (
                  <p className="placeholder">{t(`breakGlass.content.withheld.${item.withheld}`)}</p>
                ) : (
                  <p className="content-viewer">{item.content}</p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
