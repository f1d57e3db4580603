export * from './primitives.js';
export * from './regions.js';
export * from './sites.js';
export * from './accounts.js';
export * from './review.js';
export * from './audit.js';
export * from './targets.js';
