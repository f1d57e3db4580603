export { default } from '../../../vitest.packages.ts';
