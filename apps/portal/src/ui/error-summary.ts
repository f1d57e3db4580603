/** One line of the error summary. */
export interface ErrorSummaryItem {
  text: string;
  /** The id of the control to focus; without one the item is plain text (a problem of the whole form). */
  targetId?: string;
}
