export * from './regions.js';
export * from './sites.js';
