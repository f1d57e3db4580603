export * from './incubation-base.js';
