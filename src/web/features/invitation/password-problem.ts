import type { TFunction } from 'i18next';

/**
 * The password policy's refusal (modules/auth/credentials/password-policy.ts) in the user's
 * language. The server names the field but words its reason in English only, so the page
 * recognises the two reasons the form cannot check itself (a breached password, the name of
 * the service or account) and says anything else generically.
 */
export function passwordProblemText(t: TFunction, message: string): string {
  if (/common|breached/.test(message)) return t('invitation.errors.passwordCommon');
  if (/name of the service|of the account/.test(message)) return t('invitation.errors.passwordName');
  if (/at least|at most/.test(message)) return t('invitation.errors.passwordLength');
  return t('invitation.errors.passwordRefused');
}
