/**
 * The intake form's state and the body it sends (L2007 art. 10 §1 al. 2, art. 12 §2; SPEC
 * RGT-GEN-01): texts trimmed, empty optional fields left out, the time of receipt read on the
 * desk's clock, the documents as the browser read them. A missing document is left out, for the
 * server to name the field.
 */
import type {
  IDENTITY_METHODS,
  IntakeRightsRequest,
  RIGHTS_CHANNELS,
  RightsRequestKind,
} from '../../../contracts/rights.js';
import type { Language } from '../../i18n/index.js';
import type { UploadedDocument } from './document-upload.js';

export interface IntakeDraft {
  kind: RightsRequestKind;
  channel: (typeof RIGHTS_CHANNELS)[number];
  /** As a `datetime-local` input gives it, in the desk's time zone. */
  receivedAt: string;
  datedOn: string;
  signed: boolean;
  language: Language;
  name: string;
  birthDate: string;
  nationalNumber: string;
  address: string;
  representative: string;
  text: string;
  identityMethod: (typeof IDENTITY_METHODS)[number];
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** `now` as a `datetime-local` value on the desk's clock, to the minute. */
export function localDateTime(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export function emptyIntake(now: Date, language: Language): IntakeDraft {
  return {
    kind: 'access',
    channel: 'post',
    receivedAt: localDateTime(now),
    datedOn: '',
    signed: false,
    language,
    name: '',
    birthDate: '',
    nationalNumber: '',
    address: '',
    representative: '',
    text: '',
    identityMethod: 'id_document_copy',
  };
}

/** An unreadable time is sent as it was typed, for the server to name the field. */
function instant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function intakeBody(
  draft: IntakeDraft,
  documents: { request?: UploadedDocument | undefined; proof?: UploadedDocument | undefined },
): IntakeRightsRequest {
  const nationalNumber = draft.nationalNumber.trim();
  const representative = draft.representative.trim();
  return {
    kind: draft.kind,
    channel: draft.channel,
    receivedAt: instant(draft.receivedAt),
    datedOn: draft.datedOn,
    signed: draft.signed,
    language: draft.language,
    requester: {
      name: draft.name.trim(),
      birthDate: draft.birthDate,
      ...(nationalNumber && { nationalNumber }),
      address: draft.address.trim(),
      ...(representative && { representative }),
    },
    text: draft.text.trim(),
    ...(documents.request && { document: documents.request }),
    identity: { method: draft.identityMethod, ...(documents.proof && { proof: documents.proof }) },
  } as IntakeRightsRequest;
}
