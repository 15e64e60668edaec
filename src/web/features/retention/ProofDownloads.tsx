/**
 * The signed proof of destruction of a completed list (SPEC RET-01, RET-07; ADR 0016): the document
 * and its Ed25519 signature as JSON, for anyone to verify against the audit log's verifier key, or
 * its PDF rendering in French, Dutch, German or English. Each download is audited by the server.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionList, DestructionProofQuery } from '../../../contracts/retention.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { SelectField } from '../../app/SelectField.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { downloadDestructionProof } from './retention-api.js';
import { proofFilename } from './retention-view.js';

type ProofLanguage = NonNullable<DestructionProofQuery['language']>;
const LANGUAGES: readonly ProofLanguage[] = ['fr', 'nl', 'de', 'en'];

const languageOf = (language: string): ProofLanguage =>
  (LANGUAGES as readonly string[]).includes(language) ? (language as ProofLanguage) : 'en';

export function ProofDownloads({
  list,
  onSaved,
}: {
  list: Pick<DestructionList, 'id' | 'proofIssuedAt'>;
  /** Says on the page that the file was handed to the browser's downloads. */
  onSaved(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<ProofLanguage>(languageOf(i18n.language));
  const { busy, failure, run } = useAction();

  const save = (format: 'json' | 'pdf') =>
    run(async () => {
      const file = await downloadDestructionProof(list.id, { format, language });
      saveFile(file.blob, file.filename ?? proofFilename(list.id, format));
      onSaved(t(`retention.proof.saved.${format}`));
    });

  return (
    <section className="panel" aria-labelledby="destruction-proof">
      <h2 id="destruction-proof">{t('retention.proof.title')}</h2>
      {list.proofIssuedAt === null ? (
        <p>{t('retention.proof.notYet')}</p>
      ) : (
        <>
          <p>{t('retention.proof.intro', { at: formatDateTime(list.proofIssuedAt, i18n.language) })}</p>
          <ProblemAlert failure={failure} />
          <SelectField
            id="destruction-proof-language"
            label={t('retention.proof.language')}
            value={language}
            options={LANGUAGES.map((code) => ({
              value: code,
              label: t(`retention.proof.languages.${code}`),
            }))}
            onChange={(value) => setLanguage(languageOf(value))}
          />
          <div className="button-row">
            <button type="button" className="button" aria-disabled={busy} onClick={() => void save('json')}>
              {t('retention.proof.json')}
            </button>
            <button type="button" className="button" aria-disabled={busy} onClick={() => void save('pdf')}>
              {t('retention.proof.pdf')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
