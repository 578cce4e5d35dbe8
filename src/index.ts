/**
 * gongwen: parse Chinese government plan documents (工作要点, 实施方案,
 * 工作方案; GB/T 9704 公文) into typed, validated trees. This is the Node
 * entry (file paths, worker pool); browsers get {@link gongwen/browser!}.
 *
 * @module gongwen
 */
export { parse, parseBytes, parseText, type ParseOptions, type ParseTextOptions } from './parse.js';
export * from './shared-exports.js';
export * from './batch/index.js';
