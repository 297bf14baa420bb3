/** An on/off switch: a button with role="switch", so Enter and Space work and the state is announced. */
export interface SwitchProps {
  checked: boolean;
  label: string;
  onChange: (checked: boolean) => void;
  testId?: string;
  disabled?: boolean;
}

export function Switch({ checked, label, onChange, testId, disabled }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={checked}
      data-testid={testId}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      <span class="switch-label">{label}</span>
    </button>
  );
}
