/**
 * The id of a form control from its dotted path: `operator.creditCode` → `field-operator-creditCode`.
 * Error-summary links point at these ids; dots are avoided so that the ids work as CSS selectors.
 */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
