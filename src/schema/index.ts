export * from './span.js';
export * from './diagnostic.js';
export * from './document.js';
