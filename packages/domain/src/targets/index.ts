export * from './target.js';
export * from './target-rules.js';
export * from './evaluate.js';
export * from './outcome-rules.js';
