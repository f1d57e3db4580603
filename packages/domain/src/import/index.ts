export * from './contract.js';
export * from './region-directory.js';
export * from './region-resolve.js';
export * from './header-match.js';
export * from './cell-values.js';
export * from './row-check.js';
export * from './check-rows.js';
