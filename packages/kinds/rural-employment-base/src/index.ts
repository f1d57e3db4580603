export * from './rural-employment-base.js';
