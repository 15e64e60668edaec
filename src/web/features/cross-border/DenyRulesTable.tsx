/**
 * The transfers royal decrees forbid outside the Community (L2007 art. 21 §2; SPEC TRF-03): each
 * rule with its decree, the country (or every country outside the Community), the categories and
 * kinds it reaches (none listed: all), the circumstance, and whether it is in force. A rule
 * overrides every adequacy assessment and derogation. The operator repeals one with the reason.
 */
import { useTranslation } from 'react-i18next';
import type { DenyRule } from '../../../contracts/cross-border.js';
import { formatDateTime } from '../../i18n/format.js';
import { countryLabel } from './countries.js';
import { repealDenyRule } from './cross-border-api.js';
import { ReasonAction } from './ReasonAction.js';

export function DenyRulesTable({
  rules,
  caption,
  onChanged,
}: {
  rules: readonly DenyRule[];
  caption: string;
  /** Given to the operator, who may repeal a rule. */
  onChanged?(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const when = (at: string) => formatDateTime(at, i18n.language);
  const actions = onChanged !== undefined && rules.some((rule) => rule.allowedActions.length > 0);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crossBorder.denyRule.royalDecreeReference')}</th>
            <th scope="col">{t('crossBorder.denyRule.country')}</th>
            <th scope="col">{t('crossBorder.denyRule.categories')}</th>
            <th scope="col">{t('crossBorder.denyRule.kinds')}</th>
            <th scope="col">{t('crossBorder.denyRule.circumstance')}</th>
            <th scope="col">{t('crossBorder.denyRule.added')}</th>
            <th scope="col">{t('crossBorder.denyRule.status')}</th>
            {actions && <th scope="col">{t('crossBorder.denyRule.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id}>
              <th scope="row">{rule.royalDecreeReference}</th>
              <td>
                {rule.country
                  ? countryLabel(rule.country, i18n.language)
                  : t('crossBorder.denyRule.everyCountry')}
              </td>
              <td>
                {rule.categories.length === 0 ? (
                  t('crossBorder.denyRule.everyCategory')
                ) : (
                  <ul className="plain-list">
                    {rule.categories.map((category) => (
                      <li key={category}>
                        <span className="code">{category}</span> {t(`categories.${category}`)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {rule.kinds.length === 0
                  ? t('crossBorder.denyRule.everyKind')
                  : rule.kinds.map((kind) => t(`crossBorder.kinds.${kind}`)).join(', ')}
              </td>
              <td>{rule.circumstance}</td>
              <td>
                {rule.addedBy}, {when(rule.addedAt)}
              </td>
              <td>
                {rule.repealed
                  ? t('crossBorder.denyRule.repealed', {
                      name: rule.repealed.by,
                      date: when(rule.repealed.at),
                      reason: rule.repealed.reason,
                    })
                  : t('crossBorder.denyRule.inForce')}
              </td>
              {actions && (
                <td>
                  {onChanged && rule.allowedActions.includes('repeal') && (
                    <ReasonAction
                      open={
                        <>
                          {t('crossBorder.denyRule.repeal')}
                          <span className="visually-hidden">: {rule.royalDecreeReference}</span>
                        </>
                      }
                      title={t('crossBorder.denyRule.repealTitle', { reference: rule.royalDecreeReference })}
                      submit={async (reason) => {
                        await repealDenyRule(rule.id, reason);
                      }}
                      onDone={() =>
                        onChanged(
                          t('crossBorder.denyRule.repealedDone', { reference: rule.royalDecreeReference }),
                        )
                      }
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
