export * from './beautiful-workshop.js';
