/** What every form field's frame says (ui/FormField.vue and the fields built on it: TextField, SelectField). */
export interface FieldFrameProps {
  /** The control's id (the label's `for`); the hint's and error's ids are it + `-hint` / `-error`. */
  id: string;
  label: string;
  /** Said after the label: "（必填）" or "（选填）". */
  marker?: string;
  hint?: string;
  error?: string | null;
}
