/**
 * The signed documents of a processor record (L2007 art. 16 §1 5°, §4; SPEC PRC-05, PRC-07): each
 * version of the contract, its security annex and the security plan, kept immutable with its
 * SHA-256 (the download's Repr-Digest header carries it too), and the upload of a new version.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROCESSOR_DOCUMENT_KINDS,
  type ProcessorDocumentKind,
  type ProcessorRecord,
} from '../../../contracts/processors.js';
import { ApiError } from '../../app/api.js';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';
import { errorOf, type FieldError } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { saveFile } from '../../app/save-file.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime, todayInBrussels } from '../../i18n/format.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { downloadProcessorDocument, uploadProcessorDocument } from './processors-api.js';

function UploadForm({ record, onUploaded }: { record: ProcessorRecord; onUploaded(): Promise<void> }) {
  const { t } = useTranslation();
  const formId = useId();
  const [kind, setKind] = useState<ProcessorDocumentKind>('contract');
  const [documentDate, setDocumentDate] = useState(todayInBrussels);
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { kind: `${formId}-kind`, documentDate: `${formId}-date`, file: `${formId}-file` };
  // The metadata is refused in the query, the file as the body (a PDF is checked by its content).
  const refused = (error: unknown): FieldError[] => {
    const named = error instanceof ApiError ? (error.problem?.errors ?? []).map((issue) => issue.field) : [];
    const fields: FieldError[] = [];
    if (named.includes('/querystring/kind'))
      fields.push({ id: ids.kind, message: t('processors.upload.errors.kind') });
    if (named.includes('/querystring/documentDate'))
      fields.push({ id: ids.documentDate, message: t('processors.upload.errors.documentDate') });
    if (named.includes('/querystring/filename') || named.includes('/body'))
      fields.push({ id: ids.file, message: t('processors.upload.errors.pdf') });
    return fields;
  };
  const fileError = errorOf(errors, ids.file);
  const hint = t('processors.upload.fileHint');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setErrors([{ id: ids.file, message: t('processors.upload.errors.file') }]);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await uploadProcessorDocument(record.id, { kind, documentDate, filename: file.name }, file);
        formRef.current?.reset();
        setFile(undefined);
        await onUploaded();
      } catch (error) {
        setErrors(refused(error));
        throw error;
      }
    });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h4>{t('processors.upload.title')}</h4>
      <ProblemAlert failure={failure} fields={errors} />
      <SelectField
        id={ids.kind}
        label={t('processors.documents.kind')}
        value={kind}
        options={PROCESSOR_DOCUMENT_KINDS.map((value) => ({
          value,
          label: t(`processors.documentKinds.${value}`),
        }))}
        onChange={(value) => setKind(value as ProcessorDocumentKind)}
        error={errorOf(errors, ids.kind)}
      />
      <TextField
        id={ids.documentDate}
        type="date"
        label={t('processors.documents.documentDate')}
        hint={t('processors.upload.documentDateHint')}
        value={documentDate}
        onChange={setDocumentDate}
        error={errorOf(errors, ids.documentDate)}
      />
      <div className={fileError ? 'form__field form__field--error' : 'form__field'}>
        <label htmlFor={ids.file}>{t('processors.upload.file')}</label>
        <FieldHelp id={ids.file} hint={hint} error={fileError} />
        <input
          id={ids.file}
          type="file"
          accept="application/pdf"
          onChange={(event) => setFile(event.target.files?.[0])}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy(ids.file, hint, fileError)}
        />
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('processors.upload.submit')}
      </button>
    </form>
  );
}

export function DocumentsSection({
  record,
  onChanged,
}: {
  record: ProcessorRecord;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const downloading = useAction();
  const save = (documentId: string, filename: string) =>
    downloading.run(async () => {
      const file = await downloadProcessorDocument(record.id, documentId);
      saveFile(file.blob, file.filename ?? filename);
    });
  return (
    <>
      <h3>{t('processors.documents.title')}</h3>
      {record.documents.length === 0 ? (
        <p>{t('processors.documents.none')}</p>
      ) : (
        <ScrollingTable caption={t('processors.documents.caption', { name: record.processor.name })}>
          <thead>
            <tr>
              <th scope="col">{t('processors.documents.kind')}</th>
              <th scope="col">{t('processors.documents.version')}</th>
              <th scope="col">{t('processors.documents.documentDate')}</th>
              <th scope="col">{t('processors.documents.sha256')}</th>
              <th scope="col">{t('processors.documents.uploaded')}</th>
              <th scope="col">{t('processors.documents.download')}</th>
            </tr>
          </thead>
          <tbody>
            {record.documents.map((document) => (
              <tr key={document.id}>
                <th scope="row">
                  {t(`processors.documentKinds.${document.kind}`)}
                  {!document.current && (
                    <>
                      {' '}
                      <span className="badge badge--muted">{t('processors.documents.superseded')}</span>
                    </>
                  )}
                </th>
                <td>{document.version}</td>
                <td>{formatDate(document.documentDate, i18n.language)}</td>
                <td className="hash">{document.sha256}</td>
                <td>
                  {document.uploadedBy}, {formatDateTime(document.uploadedAt, i18n.language)}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-disabled={downloading.busy}
                    onClick={() => void save(document.id, document.filename)}
                  >
                    {t('processors.documents.download')}
                    <span className="visually-hidden">
                      : {document.filename} ({t(`processors.documentKinds.${document.kind}`)},{' '}
                      {document.version})
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <ProblemAlert failure={downloading.failure} />
      {record.allowedActions.includes('upload') && (
        <UploadForm record={record} onUploaded={() => onChanged(t('processors.upload.done'))} />
      )}
    </>
  );
}
