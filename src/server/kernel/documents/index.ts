/** Attachments of information items: type by content, metadata removal, download names, markings. */

export {
  CLASSIFICATION_LEVELS,
  type ClassificationLevel,
  findClassificationMarking,
  markingInDocument,
} from './classification-marking.js';
export { attachmentDisposition, safeFilename } from './content-disposition.js';
export {
  ALLOWED_MEDIA_TYPES,
  type AllowedMediaType,
  MEDIA_TYPE_EXTENSIONS,
  sniffMediaType,
} from './sniff.js';
export { stripImageMetadata } from './strip-metadata.js';
export { storeZip, type ZipEntry } from './zip.js';
