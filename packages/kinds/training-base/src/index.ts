export * from './training-base.js';
