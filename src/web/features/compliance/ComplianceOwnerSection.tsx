/**
 * The controller's named compliance owner (SPEC SCO-12; L2007 art. 4 §2: the controller sees to
 * compliance): the name its organisation record gives, the account the DPO designated for it, and
 * the DPO's form to designate that account: its own, or another one by the account's identifier.
 * The server checks that the account is an active member of the DPO's organisation.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../contracts/compliance.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { RadioGroup } from '../cross-border/RadioGroup.js';
import { designateOwner } from './compliance-api.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';

type Whom = 'self' | 'other';

export function ComplianceOwnerSection({
  controller,
  ownUserId,
  mayDesignate,
  onChanged,
}: {
  controller: Dashboard['controller'];
  ownUserId: string;
  /** The DPO designates; the compliance owner's own account reads only. */
  mayDesignate: boolean;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [whom, setWhom] = useState<Whom>('self');
  const [userId, setUserId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = { whom: 'compliance-owner-whom', userId: 'compliance-owner-user' };
  const fields = [
    {
      id: whom === 'self' ? ids.whom : ids.userId,
      paths: ['userId'],
      message: t('compliance.owner.errors.userId'),
    },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    const chosen = whom === 'self' ? ownUserId : userId.trim();
    const done = await run(async () => {
      try {
        const owner = await designateOwner(chosen);
        setUserId('');
        await onChanged(t('compliance.owner.done', { name: owner.displayName }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
    if (done) setWhom('self');
  }

  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.owner}>
      <h2 id={COMPLIANCE_SECTIONS.owner} tabIndex={-1}>
        {t('compliance.owner.title')}
      </h2>
      <dl className="facts">
        <dt>{t('compliance.owner.controller')}</dt>
        <dd>{controller.legalName}</dd>
        <dt>{t('compliance.owner.named')}</dt>
        <dd>{controller.complianceOwner}</dd>
        <dt>{t('compliance.owner.account')}</dt>
        <dd>{controller.complianceOwnerAccount?.displayName ?? t('compliance.owner.noAccount')}</dd>
      </dl>
      {mayDesignate && (
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <p className="form__title">{t('compliance.owner.formTitle')}</p>
          <ProblemAlert failure={failure} fields={errors} />
          <RadioGroup
            id={ids.whom}
            legend={t('compliance.owner.whom')}
            value={whom}
            options={[
              { value: 'self', label: t('compliance.owner.self') },
              { value: 'other', label: t('compliance.owner.other') },
            ]}
            onChange={(value) => setWhom(value as Whom)}
            error={errorOf(errors, ids.whom)}
          />
          {whom === 'other' && (
            <TextField
              id={ids.userId}
              label={t('compliance.owner.userId')}
              hint={t('compliance.owner.userIdHint')}
              value={userId}
              onChange={setUserId}
              autoComplete="off"
              spellCheck={false}
              error={errorOf(errors, ids.userId)}
            />
          )}
          <button type="submit" className="button" aria-disabled={busy}>
            {t('compliance.owner.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
