/**
 * Step fields as the platform shows them: dropdowns with a fixed list or one filled live from the workspace (the
 * function's select model, called with the step's configuration as the platform calls it), text fields, check boxes.
 */
import { postJson, type StepField } from './api.js';
import { clear, el, uid } from './dom.js';

interface FieldControl {
  field: StepField;
  read(): unknown;
  /** Reloads a live dropdown (its list may depend on other step fields). */
  reload?(): Promise<void>;
}

export class StepFields {
  readonly root: HTMLElement;
  private readonly controls: FieldControl[];

  constructor(
    private readonly key: string,
    fields: StepField[],
    private readonly onChange: () => void,
  ) {
    this.root = el('div', { class: 'group' });
    if (fields.length === 0) this.root.append(el('p', { class: 'note' }, 'This step has no step fields.'));
    this.controls = fields.map((field) => this.control(field));
  }

  /** The configuration the platform would pass: the fields that are set. */
  value(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const control of this.controls) {
      const value = control.read();
      if (value !== undefined) out[control.field.name] = value;
    }
    return out;
  }

  async loadDropdowns(): Promise<void> {
    await Promise.all(this.controls.flatMap((c) => (c.reload ? [c.reload()] : [])));
  }

  private control(field: StepField): FieldControl {
    const id = uid('field');
    const help = field.note ? el('p', { class: 'help', id: `${id}-help` }, field.note) : null;
    const mark = field.required ? el('span', { class: 'required', title: 'required', 'aria-hidden': 'true' }, '*') : null;
    const container = el('div', { class: 'field', 'data-field': field.name });
    const label = el('label', { for: id }, field.label);
    let control: FieldControl;
    if (field.viewClass === 'CheckBoxView') {
      const box = el('input', { id, type: 'checkbox', 'aria-describedby': help ? help.id : undefined });
      container.classList.add('check');
      container.append(box, label, mark ?? '', ...(help ? [help] : []));
      control = { field, read: () => (box.checked ? true : undefined) };
    } else if (field.viewClass === 'SelectView' || field.viewClass === 'MultiSelectView') {
      const select = el('select', { id, 'aria-describedby': help ? help.id : undefined, 'aria-required': field.required ? 'true' : undefined });
      const status = el('p', { class: 'facts', id: `${id}-status`, 'aria-live': 'polite' });
      const fill = (options: Record<string, string>): void => {
        const chosen = select.value;
        clear(select);
        select.append(el('option', { value: '' }, field.prompt ?? '(not set)'), ...Object.entries(options).map(([value, text]) => el('option', { value }, text)));
        if (chosen && Object.prototype.hasOwnProperty.call(options, chosen)) select.value = chosen;
      };
      fill(field.options ?? {});
      container.append(label, mark ?? '', select, ...(help ? [help] : []), status);
      control = { field, read: () => (select.value === '' ? undefined : select.value) };
      if (field.selectModel) {
        const model = field.selectModel;
        const reloadButton = el('button', { type: 'button', class: 'reload' }, `Reload ${field.label}`);
        container.append(reloadButton);
        control.reload = async () => {
          status.textContent = `Loading from the workspace (${model}) …`;
          try {
            const answer = await postJson<{ options: Record<string, string> }>(`/api/functions/${encodeURIComponent(this.key)}/select/${encodeURIComponent(model)}`, { fields: this.value() });
            fill(answer.options);
            status.textContent = `${Object.keys(answer.options).length} from the workspace (${model})`;
          } catch (error) {
            status.textContent = `Could not load the list: ${error instanceof Error ? error.message : String(error)}`;
          }
        };
        reloadButton.addEventListener('click', () => void control.reload?.());
      }
    } else {
      const input =
        field.viewClass === 'TextAreaView'
          ? el('textarea', { id, rows: '3', placeholder: field.placeholder, 'aria-describedby': help ? help.id : undefined })
          : el('input', { id, type: field.viewClass === 'PasswordFieldView' ? 'password' : 'text', placeholder: field.placeholder, autocomplete: 'off', 'aria-describedby': help ? help.id : undefined });
      if (field.required) input.setAttribute('aria-required', 'true');
      container.append(label, mark ?? '', input, ...(help ? [help] : []));
      control = { field, read: () => (input.value === '' ? undefined : input.value) };
    }
    container.addEventListener('change', this.onChange);
    container.addEventListener('input', this.onChange);
    this.root.append(container);
    return control;
  }
}
