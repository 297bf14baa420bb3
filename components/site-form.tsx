/** The options page's one-line site form: the label, then the site field and its button side by side. */
import type { ComponentChildren } from 'preact';
import { SiteField, type SiteFieldProps } from './site-field';

export interface SiteFormProps {
  /** The form's class: the page's CSS and tests know each form by it. */
  class: string;
  label: string;
  /** The field's id (the label points at it), test id, value, input handler and any ARIA state. */
  field: SiteFieldProps & { id: string };
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
        <SiteField {...field} />
        <button type="submit" data-testid={submit.testId} disabled={submit.disabled}>
          {submit.text}
        </button>
      </div>
      {children}
    </form>
  );
}
