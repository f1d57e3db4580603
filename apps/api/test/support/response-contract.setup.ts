import { afterEach } from 'vitest';
import { takeMismatches } from './response-contract.js';

// Every test fails when a response it received did not match its declared schema (see
// response-contract.ts), even if the test did not look at that response's status.
afterEach(() => {
  const found = takeMismatches();
  if (found.length) throw new Error(`A response did not match the schema its handler declares:\n${found.join('\n')}`);
});
