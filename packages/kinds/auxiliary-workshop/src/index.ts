export * from './auxiliary-workshop.js';
