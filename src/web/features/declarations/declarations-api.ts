/**
 * The declarations of processing (L2007/L1992 arts 17-18; SPEC DCL) and the public register
 * (art. 18, DCL-24), as the web app uses them.
 */
import type {
  AcknowledgeVersion,
  CompleteVersion,
  CreateDeclaration,
  Declaration,
  DeclarationContent,
  DeclarationList,
  PublicRegister,
  RecordPayment,
  RegisterNumberInput,
  SubmitDeclaration,
} from '../../../contracts/declarations.js';
import { api, download } from '../../app/api.js';

const BASE = '/api/declarations';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string): string => encodeURIComponent(value);
const version = (declarationId: string, versionId: string): string =>
  `${BASE}/${id(declarationId)}/versions/${id(versionId)}`;

export const fetchDeclarations = (signal?: AbortSignal): Promise<DeclarationList> =>
  api<DeclarationList>('GET', BASE, withSignal(signal));

export const fetchDeclaration = (declarationId: string, signal?: AbortSignal): Promise<Declaration> =>
  api<Declaration>('GET', `${BASE}/${id(declarationId)}`, withSignal(signal));

/** The §3 content the configuration would declare today; refused, naming the fields, when it lacks some. */
export const fetchPreview = (declarationId: string, signal?: AbortSignal): Promise<DeclarationContent> =>
  api<DeclarationContent>('GET', `${BASE}/${id(declarationId)}/preview?format=json`, withSignal(signal));

export const downloadPreviewPdf = (declarationId: string) =>
  download(`${BASE}/${id(declarationId)}/preview?format=pdf`);

export const downloadVersionPdf = (declarationId: string, versionId: string) =>
  download(`${version(declarationId, versionId)}/document?format=pdf`);

export const createDeclaration = (body: CreateDeclaration): Promise<Declaration> =>
  api<Declaration>('POST', BASE, { body });

export const submitDeclaration = (declarationId: string, body: SubmitDeclaration): Promise<Declaration> =>
  api<Declaration>('POST', `${BASE}/${id(declarationId)}/versions`, { body });

export const acknowledgeVersion = (
  declarationId: string,
  versionId: string,
  body: AcknowledgeVersion,
): Promise<Declaration> =>
  api<Declaration>('POST', `${version(declarationId, versionId)}/acknowledgement`, { body });

export const recordPayment = (
  declarationId: string,
  versionId: string,
  body: RecordPayment,
): Promise<Declaration> => api<Declaration>('POST', `${version(declarationId, versionId)}/payment`, { body });

export const completeVersion = (
  declarationId: string,
  versionId: string,
  body: CompleteVersion,
): Promise<Declaration> =>
  api<Declaration>('POST', `${version(declarationId, versionId)}/completion`, { body });

export const setRegisterNumber = (declarationId: string, body: RegisterNumberInput): Promise<Declaration> =>
  api<Declaration>('PUT', `${BASE}/${id(declarationId)}/register-number`, { body });

// --- The public register (art. 18): no session --------------------------------------------------

export const fetchPublicRegister = (signal?: AbortSignal): Promise<PublicRegister> =>
  api<PublicRegister>('GET', '/api/public/register', { anonymous: true, ...withSignal(signal) });

export const publicEntryPdfPath = (declarationId: string): string =>
  `/api/public/register/${id(declarationId)}/pdf`;
