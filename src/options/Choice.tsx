/** One setting as a group of radio buttons (fieldset and legend, so a screen reader names the group). */
export interface ChoiceProps<V extends string> {
  /** Unique on the page: the radios' name. */
  name: string;
  legend: string;
  value: V;
  options: readonly { value: V; label: string; hint?: string }[];
  onChange(value: V): void;
}

export function Choice<V extends string>({ name, legend, value, options, onChange }: ChoiceProps<V>) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>
            {o.label}
            {o.hint && <span class="hint"> {o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
