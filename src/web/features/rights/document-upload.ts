/**
 * A scanned document chosen in the browser, sent as base64 in the JSON body (the signed request
 * and the proof of identity, L2007 art. 10 §1 al. 2; SPEC RGT-GEN-01, RGT-ACC-02). The server
 * checks the media type against the bytes; the page sends what the browser says the file is.
 */
import type { IntakeRightsRequest } from '../../../contracts/rights.js';

export type UploadedDocument = IntakeRightsRequest['document'];

/** Base64 of `bytes`, in slices small enough for `String.fromCharCode` to take as arguments. */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  }
  return btoa(binary);
}

export async function readDocument(file: File): Promise<UploadedDocument> {
  return {
    // An unaccepted type is sent as it is, for the server to name the field it refuses.
    mediaType: file.type as UploadedDocument['mediaType'],
    contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
  };
}
