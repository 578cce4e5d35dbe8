/**
 * gongwen: parse Chinese government plan documents (工作要点, 实施方案,
 * 工作方案; GB/T 9704 公文) into typed, validated trees. This is the Node
 * entry (file paths, worker pool); browsers get {@link gongwen/browser!}.
 *
 * @module gongwen
 */
export { parse, parseBytes, parseText, type ParseOptions, type ParseTextOptions } from './parse.js';
export { flattenTasks, type Task, type FlattenOptions } from './tasks/flatten.js';
export { GongwenError, ErrorCode, isGongwenError } from './errors.js';
export {
  ParseResult,
  PolicyDocument,
  Section,
  Deadline,
  DocNumber,
  Diagnostic,
  Span,
  DocumentKind,
  Unplaced,
} from './schema/index.js';
export type { TextBlock, BlockKind, SourceSpan, SourceFormat } from './extract/block.js';
export * from './diff/index.js';
export * from './ledger/index.js';
export * from './batch/index.js';
