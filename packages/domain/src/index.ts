export * from './regions/region-types.js';
export * from './regions/region-code.js';
export * from './regions/region.js';
export * from './errors/localized.js';
export * from './errors/api-error.js';
export * from './errors/zod-issues.js';
