/** The processor registry's API (L2007 art. 16 §1; SPEC PRC-01..PRC-07), as the web app uses it. */
import type {
  CreateProcessorRecord,
  HostCoverage,
  ProcessorDocumentQuery,
  ProcessorRecord,
  ProcessorRecordList,
  RecordProcessorReview,
  UpdateProcessorRecord,
} from '../../../contracts/processors.js';
import { api, download } from '../../app/api.js';

const BASE = '/api/processors';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string): string => encodeURIComponent(value);

export const fetchProcessorRecords = (signal?: AbortSignal): Promise<ProcessorRecordList> =>
  api<ProcessorRecordList>('GET', BASE, withSignal(signal));

export const fetchHostCoverage = (signal?: AbortSignal): Promise<HostCoverage> =>
  api<HostCoverage>('GET', `${BASE}/host-coverage`, withSignal(signal));

export const fetchProcessorRecord = (recordId: string, signal?: AbortSignal): Promise<ProcessorRecord> =>
  api<ProcessorRecord>('GET', `${BASE}/${id(recordId)}`, withSignal(signal));

export const createProcessorRecord = (body: CreateProcessorRecord): Promise<ProcessorRecord> =>
  api<ProcessorRecord>('POST', BASE, { body });

export const updateProcessorRecord = (
  recordId: string,
  body: UpdateProcessorRecord,
): Promise<ProcessorRecord> => api<ProcessorRecord>('PATCH', `${BASE}/${id(recordId)}`, { body });

export const approveProcessorRecord = (recordId: string): Promise<ProcessorRecord> =>
  api<ProcessorRecord>('POST', `${BASE}/${id(recordId)}/approval`);

/** A signed PDF, sent as the raw body; its metadata in the query (SPEC PRC-05). */
export function uploadProcessorDocument(
  recordId: string,
  query: ProcessorDocumentQuery,
  file: Blob,
): Promise<ProcessorRecord> {
  const search = new URLSearchParams({
    kind: query.kind,
    documentDate: query.documentDate,
    filename: query.filename,
  });
  return api<ProcessorRecord>('POST', `${BASE}/${id(recordId)}/documents?${search}`, {
    file: { bytes: file, mediaType: 'application/pdf' },
  });
}

export const downloadProcessorDocument = (recordId: string, documentId: string) =>
  download(`${BASE}/${id(recordId)}/documents/${id(documentId)}`);

export const recordProcessorReview = (
  recordId: string,
  body: RecordProcessorReview,
): Promise<ProcessorRecord> => api<ProcessorRecord>('POST', `${BASE}/${id(recordId)}/reviews`, { body });
