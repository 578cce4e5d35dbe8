/**
 * Batch conversion of archives: `convertArchive(options)` (the engine behind
 * `gongwen convert`), the manifest schema, and the helpers to read manifests back.
 */
export {
  convertArchive,
  type ConvertOptions,
  type ConvertPlan,
  type ConvertSummary,
  type ConvertRun,
} from './convert.js';
export { ConvertManifestEntry, ConvertStatus, BatchErrorCode } from './schema.js';
export { readManifest } from './manifest.js';
export { safeRelativePath, shardOf, SUPPORTED_EXTENSIONS, type SkipReason, type FollowSymlinks } from './paths.js';
