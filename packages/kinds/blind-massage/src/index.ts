export * from './blind-massage.js';
