/**
 * The users of one organisation (issue 3 scope 2): named, individual accounts, created without
 * a password and activated by an invitation. Without a mail server, the operator is given the
 * link to hand over.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreateUser,
  type Organisation,
  USER_ROLES,
  type User,
  type UserRole,
} from '../../../contracts/identity.js';
import type { IssuedInvitation } from '../../../contracts/invitations.js';
import { api } from '../../app/api.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { fieldProblems } from '../../app/field-problems.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import { formatDateTime } from '../../i18n/format.js';
import { isLanguage, LANGUAGES, type Language } from '../../i18n/index.js';

type UserField = 'email' | 'displayName' | 'roles';
type Invited = { user: User; invitation: IssuedInvitation };

export function UsersPanel({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [users, setUsers] = useState<User[]>();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<UserRole[]>([]);
  const [healthProfessional, setHealthProfessional] = useState(false);
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'fr');
  const [errors, setErrors] = useState<Partial<Record<UserField, string>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [invited, setInvited] = useState<Invited>();
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const query = `organisationId=${encodeURIComponent(organisation.id)}`;
        const list = await api<{ users: User[] }>(
          'GET',
          `/api/admin/users?${query}`,
          signal ? { signal } : {},
        );
        setUsers(list.users);
      } catch (error) {
        if (!signal?.aborted) setFailure(error);
      }
    },
    [organisation.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  async function act(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    setInvited(undefined);
    try {
      await action();
      // The outcome replaces what the user acted on: keep the keyboard focus on it.
      statusRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const body: CreateUser = {
      organisationId: organisation.id,
      email: email.trim(),
      displayName: displayName.trim(),
      roles,
      healthProfessional,
    };
    await act(async () => {
      try {
        const user = await api<User>('POST', '/api/admin/users', { body });
        setEmail('');
        setDisplayName('');
        setRoles([]);
        setHealthProfessional(false);
        await reload();
        setMessage(t('operator.users.created', { name: user.displayName }));
      } catch (error) {
        const refused: Partial<Record<UserField, string>> = {};
        for (const name of fieldProblems(error).keys()) {
          const field = name.split('.')[0];
          if (field === 'email' || field === 'displayName' || field === 'roles')
            refused[field] = t(`operator.users.errors.${field}`);
        }
        setErrors(refused);
        throw error;
      }
    });
  }

  const invite = (user: User) =>
    act(async () => {
      const invitation = await api<IssuedInvitation>(
        'POST',
        `/api/admin/users/${encodeURIComponent(user.id)}/invitation`,
        {
          body: { language },
        },
      );
      setInvited({ user, invitation });
    });

  const language_ = i18n.language;
  const listed = (['email', 'displayName', 'roles'] as const).filter((field) => errors[field]);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('operator.users.title', { organisation: organisation.legalName })}</h2>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {users === undefined && failure === undefined && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
        {invited?.invitation.delivery === 'mail' && (
          <p className="notice">{t('operator.users.invitationMailed', { name: invited.user.displayName })}</p>
        )}
        {invited?.invitation.link !== undefined && (
          <div className="notice">
            <p>
              {t('operator.users.invitationLink', {
                name: invited.user.displayName,
                date: formatDateTime(invited.invitation.expiresAt, language_),
              })}
            </p>
            <p className="link-output">{new URL(invited.invitation.link, window.location.origin).href}</p>
          </div>
        )}
      </div>
      <ErrorAlert
        message={failure !== undefined && listed.length === 0 ? problemText(t, failure) : undefined}
        reference={problemReference(failure)}
      >
        {listed.length > 0 && (
          <>
            <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
            <ul>
              {listed.map((field) => (
                <li key={field}>
                  <a href={`#${id}-${field}`}>{errors[field]}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </ErrorAlert>
      {users && (
        <>
          <SelectField
            id={`${id}-language`}
            label={t('operator.users.invitationLanguage')}
            value={language}
            options={LANGUAGES.map((value) => ({ value, label: t('languageName', { lng: value }) }))}
            onChange={(value) => isLanguage(value) && setLanguage(value)}
          />
          <div className="table-scroll">
            <table className="table">
              <caption>{t('operator.users.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('operator.users.displayName')}</th>
                  <th scope="col">{t('operator.users.email')}</th>
                  <th scope="col">{t('operator.users.roles')}</th>
                  <th scope="col">{t('operator.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.displayName}</th>
                    <td>{user.email}</td>
                    <td>{user.roles.map((role) => t(`operator.roles.${role}`)).join(', ')}</td>
                    <td>
                      {user.active ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-disabled={busy}
                          aria-label={`${t('operator.users.invite')}: ${user.displayName}`}
                          onClick={() => void invite(user)}
                        >
                          {t('operator.users.invite')}
                        </button>
                      ) : (
                        t('operator.users.deactivated')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>{t('operator.users.createTitle')}</h3>
      <form className="form" noValidate onSubmit={(event) => void create(event)} aria-busy={busy}>
        <TextField
          id={`${id}-email`}
          label={t('operator.users.email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <TextField
          id={`${id}-displayName`}
          label={t('operator.users.displayName')}
          autoComplete="off"
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
        />
        <fieldset
          className={errors.roles ? 'form__choice form__field--error' : 'form__choice'}
          aria-describedby={errors.roles ? `${id}-roles-error` : undefined}
        >
          <legend id={`${id}-roles`} tabIndex={-1}>
            {t('operator.users.roles')}
          </legend>
          {errors.roles && (
            <p id={`${id}-roles-error`} className="form__error">
              {errors.roles}
            </p>
          )}
          {USER_ROLES.map((role) => (
            <label key={role} className="form__checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) =>
                  setRoles((current) =>
                    event.target.checked ? [...current, role] : current.filter((other) => other !== role),
                  )
                }
              />
              {t(`operator.roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <label className="form__checkbox">
          <input
            type="checkbox"
            checked={healthProfessional}
            onChange={(event) => setHealthProfessional(event.target.checked)}
          />
          {t('operator.users.healthProfessional')}
        </label>
        <button type="submit" className="button" aria-disabled={busy}>
          {t('operator.users.submit')}
        </button>
      </form>
    </section>
  );
}
