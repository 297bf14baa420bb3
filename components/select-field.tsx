/**
 * A labelled drop-down list built from [value, text] pairs: the notebook's
 * filters, a passage's stance and reason, the correction's target reason. Each
 * caller reads the chosen value back into its type. (The options page's
 * retention select is its own: shared, this would move into the pages'
 * common chunk and grow the side panel.)
 */
import type { Ref } from 'preact';

/** [value, text] pairs, in the order shown. */
export type Choices = readonly (readonly [value: string, text: string])[];

export interface SelectFieldProps {
  id: string;
  testId: string;
  label: string;
  value: string;
  options: Choices;
  /** The text of a first option with the empty value ("All", "Choose one"); none without it. */
  empty?: string;
  disabled?: boolean;
  /** The select itself, for a caller that moves focus to it. */
  selectRef?: Ref<HTMLSelectElement>;
  onChange: (value: string) => void;
}

export function SelectField(props: SelectFieldProps) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select
        ref={props.selectRef}
        id={props.id}
        data-testid={props.testId}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.empty && <option value="">{props.empty}</option>}
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}
