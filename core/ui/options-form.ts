// The options of the selected template as a form, with a hint and any refusal under each field.
import { t } from '../i18n/index';
import {
  FORMULA_MODES,
  LANGS,
  PERIODS_RANGE,
  ROWS_RANGE,
  type TemplateInfo,
} from '../templates/index';
import { h, type Child } from './dom';
import {
  COMMON_CURRENCIES,
  OTHER_CURRENCY,
  type FieldErrors,
  type FormValues,
} from './options-model';
import type { RenderContext } from './state';
import { LANGUAGE_NAMES, uiText } from './texts';

/** The id of a field's control, where focus goes when the field is refused. */
export const fieldId = (id: RenderContext['id'], field: string) => id(`field-${field}`);

/** A field's hint and refusal, referenced by its control. */
function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function notes(id: string, hint: string | undefined, error: string | undefined): Child[] {
  return [
    hint !== undefined && h('p', { id: `${id}-hint`, class: 'kpi-hint' }, hint),
    error !== undefined && h('p', { id: `${id}-error`, class: 'kpi-error' }, error),
  ];
}

/** A labelled text-like input bound to `field` of the form. */
function textField(
  id: string,
  field: string,
  label: string,
  value: string,
  hint: string | undefined,
  error: string | undefined,
  attributes: Record<string, string | number>,
): HTMLElement {
  return h(
    'div',
    { class: 'kpi-field' },
    h('label', { for: id }, label),
    h('input', {
      id,
      value,
      'data-field': field,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy(id, hint !== undefined, error),
      ...attributes,
    }),
    ...notes(id, hint, error),
  );
}

function checkbox(id: string, field: string, label: string, checked: boolean): HTMLElement {
  return h(
    'div',
    { class: 'kpi-check' },
    h('input', { type: 'checkbox', id, checked, 'data-field': field }),
    h('label', { for: id }, label),
  );
}

function select(
  id: string,
  field: string,
  label: string,
  value: string,
  choices: readonly (readonly [string, string])[],
  error: string | undefined,
): HTMLElement {
  return h(
    'div',
    { class: 'kpi-field' },
    h('label', { for: id }, label),
    h(
      'select',
      {
        id,
        'data-field': field,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy(id, false, error),
      },
      ...choices.map(([code, text]) =>
        h('option', { value: code, selected: code === value }, text),
      ),
    ),
    ...notes(id, undefined, error),
  );
}

/** "EUR – euro" where the browser knows the currency's name in `lang`, else the code alone. */
function currencyName(code: string, lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} – ${name}` : code;
  } catch {
    return code;
  }
}

/**
 * Shows `errors` on the rendered form inside `scope` without rebuilding it (so typing keeps its
 * caret): a fixed field loses its message and aria-invalid, a refused one gets or updates it.
 */
export function showFieldErrors(
  scope: ParentNode,
  { id }: RenderContext,
  form: FormValues,
  errors: FieldErrors,
): void {
  const controls: [string, string | undefined][] = [
    ['periods', errors.periods],
    ['startMonth', errors.startMonth],
    ['rows', errors.rows],
    // As rendered: the currency's message sits under the free-entry field when it is open.
    ['currencyChoice', form.currencyChoice === OTHER_CURRENCY ? undefined : errors.currency],
    ['currency', errors.currency],
    ['lang', errors.lang],
  ];
  for (const [field, error] of controls) {
    const controlId = fieldId(id, field);
    const control = scope.querySelector<HTMLElement>(`#${controlId}`);
    if (!control) continue;
    const hint = scope.querySelector(`#${controlId}-hint`) !== null;
    let note = scope.querySelector<HTMLElement>(`#${controlId}-error`);
    if (error === undefined) note?.remove();
    else if (note) note.textContent = error;
    else {
      note = h('p', { id: `${controlId}-error`, class: 'kpi-error' }, error);
      control.parentElement?.append(note);
    }
    const ids = describedBy(controlId, hint, error);
    if (ids === undefined) control.removeAttribute('aria-describedby');
    else control.setAttribute('aria-describedby', ids);
    if (error === undefined) control.removeAttribute('aria-invalid');
    else control.setAttribute('aria-invalid', 'true');
  }
}

/** The form's fields; `example` false leaves out "Fill in example data" (an import brings its own). */
export function renderOptionsForm(
  { lang, id }: RenderContext,
  info: TemplateInfo,
  form: FormValues,
  errors: FieldErrors,
  { example = true }: { example?: boolean } = {},
): HTMLElement[] {
  const fid = (field: string) => fieldId(id, field);
  const range = (r: { min: number; max: number }) => uiText(lang, 'options.range', r);
  const fields: Child[] = [
    h(
      'fieldset',
      { class: 'kpi-fieldset' },
      h('legend', {}, t(lang, 'option.mode')),
      ...FORMULA_MODES.map((mode) =>
        h(
          'div',
          { class: 'kpi-check' },
          h('input', {
            type: 'radio',
            id: fid(`mode-${mode}`),
            name: fid('mode'),
            value: mode,
            checked: form.mode === mode,
            'data-field': 'mode',
          }),
          h(
            'label',
            { for: fid(`mode-${mode}`) },
            t(lang, mode === 'portable' ? 'option.mode.portable' : 'option.mode.functions'),
          ),
        ),
      ),
    ),
    example && checkbox(fid('example'), 'example', t(lang, 'option.example'), form.example),
    info.options.includes('periods') &&
      textField(
        fid('periods'),
        'periods',
        t(lang, 'option.periods'),
        form.periods,
        range(PERIODS_RANGE),
        errors.periods,
        {
          type: 'number',
          min: PERIODS_RANGE.min,
          max: PERIODS_RANGE.max,
          inputmode: 'numeric',
        },
      ),
    info.options.includes('startMonth') &&
      textField(
        fid('startMonth'),
        'startMonth',
        t(lang, 'option.startMonth'),
        form.startMonth,
        uiText(lang, 'options.month'),
        errors.startMonth,
        { type: 'month', placeholder: 'YYYY-MM' },
      ),
    info.options.includes('rows') &&
      textField(
        fid('rows'),
        'rows',
        info.rowsLabel ?? '',
        form.rows,
        range(ROWS_RANGE),
        errors.rows,
        {
          type: 'number',
          min: ROWS_RANGE.min,
          max: ROWS_RANGE.max,
          inputmode: 'numeric',
        },
      ),
    info.options.includes('currency') &&
      select(
        fid('currencyChoice'),
        'currencyChoice',
        t(lang, 'option.currency'),
        form.currencyChoice,
        [
          ...COMMON_CURRENCIES.map((code) => [code, currencyName(code, lang)] as const),
          [OTHER_CURRENCY, uiText(lang, 'options.currencyOther')],
        ],
        form.currencyChoice === OTHER_CURRENCY ? undefined : errors.currency,
      ),
    info.options.includes('currency') &&
      form.currencyChoice === OTHER_CURRENCY &&
      textField(
        fid('currency'),
        'currencyOther',
        uiText(lang, 'options.currencyCode'),
        form.currencyOther,
        uiText(lang, 'options.currencyHelp'),
        errors.currency,
        {
          type: 'text',
          maxlength: 3,
          autocomplete: 'off',
          spellcheck: 'false',
          autocapitalize: 'characters',
        },
      ),
    select(
      fid('lang'),
      'lang',
      uiText(lang, 'options.sheetLang'),
      form.lang,
      LANGS.map((code) => [code, LANGUAGE_NAMES[code]] as const),
      errors.lang,
    ),
    checkbox(fid('protect'), 'protect', t(lang, 'option.protect'), form.protect),
  ];
  return [
    h('h3', { class: 'kpi-subheading' }, uiText(lang, 'options.heading')),
    ...fields.filter((field): field is HTMLElement => field instanceof HTMLElement),
  ];
}
