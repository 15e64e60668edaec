/**
 * Sensitive actions need a second factor proven in the last minutes: when the server answers
 * 403 `mfa_required`, the step-up form appears where the action was chosen, and the action runs
 * again once the factor is confirmed (ASVS 5.0 V7.5.3).
 */
import { useCallback, useState } from 'react';
import { needsFreshFactor } from '../../app/problem-text.js';
import { StepUpForm } from './StepUpForm.js';

type Run = (action: () => Promise<void>) => Promise<boolean>;

export function useFreshFactor(run: Run, headingLevel: 3 | 4 = 3) {
  const [waiting, setWaiting] = useState<{ action: () => Promise<void> }>();

  /**
   * Runs `action` through `run`; a refusal for want of a fresh factor asks for it instead of
   * failing, and the action runs again once it is confirmed. The action therefore carries its
   * own follow-up (reload, message). Resolves with whether it was done now.
   */
  const attempt = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      let asked = false;
      const done = await run(async () => {
        try {
          await action();
        } catch (error) {
          if (!needsFreshFactor(error)) throw error;
          asked = true;
          setWaiting({ action });
        }
      });
      return done && !asked;
    },
    [run],
  );

  const form = waiting ? (
    <StepUpForm
      level={headingLevel}
      onConfirmed={() => {
        setWaiting(undefined);
        void attempt(waiting.action);
      }}
      onCancel={() => setWaiting(undefined)}
    />
  ) : null;
  return { attempt, form };
}
