/**
 * The options page's one-line site forms (pause a site, forget a site): the
 * label, then the field and its button side by side. A host is not a word, so
 * no autocomplete and no spelling marks.
 */
import type { ComponentChildren, InputHTMLAttributes } from 'preact';

export interface SiteFormProps {
  /** The form's class: the page's CSS and tests know each form by it. */
  class: string;
  label: string;
  /** The field's id (the label points at it), test id, value, input handler and any ARIA state. */
  field: InputHTMLAttributes<HTMLInputElement> & { id: string; 'data-testid': string };
  submit: { testId: string; text: string; disabled?: boolean };
  onSubmit: () => void;
  /** Under the row: the line that says why an entry was refused. */
  children?: ComponentChildren;
}

export function SiteForm({ class: className, label, field, submit, onSubmit, children }: SiteFormProps) {
  return (
    <form
      class={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label for={field.id}>{label}</label>
      <div class="add-row">
        <input type="text" placeholder="example.com" autocomplete="off" spellcheck={false} {...field} />
        <button type="submit" data-testid={submit.testId} disabled={submit.disabled}>
          {submit.text}
        </button>
      </div>
      {children}
    </form>
  );
}
