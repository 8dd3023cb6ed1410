/**
 * A form's fields as the templates draw them: each with its id, its value as sent, and its hint and error tied to it
 * (their ids in aria-describedby); and the error summary at the top of the page, each message a link to its field.
 */

export interface FieldSpec {
  /** The name posted; the id is the form's prefix and this. */
  name: string;
  label: string;
  hint?: string;
  /** Says "(niet verplicht)" after the label; otherwise the field is `required`. */
  optional?: boolean;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  /** A code or reference: no spell check, capitals. */
  literal?: boolean;
  rows?: number;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** A file field: the accepted extensions, and the names of the files already added. */
  accept?: string;
  kept?: readonly string[];
}

export interface FieldView {
  id: string;
  name: string;
  label: string;
  value: string;
  optional: boolean;
  required: boolean;
  type: string;
  hint?: string;
  hintId?: string;
  error?: string;
  errorId?: string;
  describedBy?: string;
  autocomplete?: string;
  inputmode?: string;
  literal?: boolean;
  rows: number;
  options?: Array<{ id: string; value: string; label: string; selected: boolean; checked: boolean }>;
  accept?: string;
  kept?: readonly string[];
  /** Where the summary's link goes: the field, or a group's first radio button. */
  anchor: string;
}

/** Messages for a form: by field name, and those of no field (shown in the summary only). */
export class FormErrors {
  readonly general: string[] = [];
  private readonly fields = new Map<string, string>();

  add(field: string | null, message: string): void {
    if (field === null) {
      if (!this.general.includes(message)) this.general.push(message);
    } else if (!this.fields.has(field)) this.fields.set(field, message);
  }

  of(field: string): string | undefined {
    return this.fields.get(field);
  }

  get empty(): boolean {
    return this.general.length === 0 && this.fields.size === 0;
  }
}

export function fieldView(prefix: string, spec: FieldSpec, value: string, errors: FormErrors): FieldView {
  const id = prefix ? `${prefix}-${spec.name}` : spec.name;
  const error = errors.of(spec.name);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-fout` : undefined;
  const keptId = spec.kept?.length ? `${id}-al` : undefined;
  const describedBy = [keptId, hintId, errorId].filter(Boolean).join(' ') || undefined;
  const options = spec.options?.map((option) => ({
    id: `${id}-${option.value}`,
    value: option.value,
    label: option.label,
    selected: option.value === value,
    checked: option.value === value,
  }));
  return {
    ...spec,
    id,
    value,
    optional: !!spec.optional,
    required: !spec.optional,
    type: spec.type ?? 'text',
    rows: spec.rows ?? 5,
    hintId,
    error,
    errorId,
    describedBy,
    options,
    anchor: id,
  };
}

/** A group of radio buttons: the summary links to its first button. */
export function radiosView(prefix: string, spec: FieldSpec, value: string, errors: FormErrors): FieldView {
  const view = fieldView(prefix, spec, value, errors);
  return { ...view, anchor: view.options?.[0]?.id ?? view.id };
}

export interface SummaryItem {
  href?: string;
  message: string;
}

/** The summary: messages of no field first, then each field's in the order of the form. */
export function summaryOf(errors: FormErrors, views: ReadonlyArray<FieldView | undefined>): SummaryItem[] {
  const items: SummaryItem[] = errors.general.map((message) => ({ message }));
  for (const view of views) if (view?.error) items.push({ href: `#${view.anchor}`, message: view.error });
  return items;
}
