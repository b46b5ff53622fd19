// The "Import CRM data" tab: reads a local file in the browser, lets the user settle columns, stages and dates, then asks the host to write.
import {
  dataSheetName,
  parseImportRecord,
  planImport,
  RECORD_RANGE,
  type ImportedDeals,
} from '../import/index';
import { listTemplates, type Lang, type TemplateInfo } from '../templates/index';
import { h, replaceChildren } from './dom';
import type { SidebarHost } from './host';
import {
  amountDecimalMark,
  columnsValue,
  initialChoices,
  loadFile,
  parseColumnsValue,
  readDeals,
  stageQuestions,
  summariseImport,
  type ImportChoices,
  type ImportSummary,
  type LoadedFile,
  type StageQuestion,
} from './import-model';
import { countText, refusalText } from './import-texts';
import {
  renderDateOrders,
  renderDetected,
  renderFileChooser,
  renderMapping,
  renderResult,
  renderStages,
  MAX_PROBLEMS_SHOWN,
} from './import-view';
import { fieldId, renderOptionsForm, showFieldErrors } from './options-form';
import {
  checkForm,
  initialForm,
  updateForm,
  type FieldErrors,
  type FormValues,
} from './options-model';
import type { DecimalMark } from '../import/numbers';
import { uiText } from './texts';
import type { TemplateOptionsInput } from '../templates/options';

/** Where an import stands after the file is read. */
type Phase =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'confirm'; sheet: string; deals: ImportedDeals; options: TemplateOptionsInput }
  | { kind: 'cancelled'; sheet: string }
  | { kind: 'done'; text: string; result: ImportSummary }
  | { kind: 'failed'; message: string }
  | { kind: 'invalid' };

interface Session {
  file: LoadedFile;
  choices: ImportChoices;
  /** The data sheet whose saved record filled the choices, if any. */
  resumedFrom: string | null;
}

export interface ImportPanel {
  /** The tab's content; the sidebar moves it into its panel on each render, so its state stays. */
  readonly element: HTMLElement;
  /** Rebuilds the texts when the sidebar's language changed. */
  show(lang: Lang): void;
}

/** Lets the page paint (the progress text) before a long synchronous step. */
const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The pipeline template's options that an import asks for: its months come from the data. */
function importInfo(lang: Lang): TemplateInfo {
  const info = listTemplates(lang).find((template) => template.id === 'pipeline');
  if (!info) throw new Error('The pipeline template is missing from the catalogue.');
  return { ...info, options: info.options.filter((option) => option === 'currency') };
}

export function createImportPanel(
  host: SidebarHost,
  baseId: (name: string) => string,
  startLang: Lang,
): ImportPanel {
  const id = (name: string) => baseId(`import-${name}`);
  const ctx = () => ({ lang, id, host });
  const element = h('section', { class: 'kpi-import', 'aria-labelledby': id('heading') });
  const defaults = host.defaults();
  let lang = startLang;
  const form: FormValues = initialForm(importInfo(lang), defaults, lang);
  let errors: FieldErrors = {};
  /** The user chose the sheet's language, so it no longer follows the display language. */
  let sheetLangChosen = false;
  let withAnalysis = true;
  let session: Session | null = null;
  /** The stage names the body shows, so an answer finds its stage without counting the file again. */
  let shownStages: readonly StageQuestion[] = [];
  let phase: Phase = { kind: 'idle' };
  /** Counts file choices and imports, so a late answer for an earlier one changes nothing. */
  let token = 0;
  const decimalMarks = new Map<string, DecimalMark>();

  const part = (name: string) => element.querySelector<HTMLElement>(`[data-part="${name}"]`)!;

  function decimalMark(current: Session): DecimalMark {
    const key = columnsValue(current.choices.columns.amount);
    let mark = decimalMarks.get(key);
    if (mark === undefined) {
      mark = amountDecimalMark(current.file, current.choices);
      decimalMarks.set(key, mark);
    }
    return mark;
  }

  function renderAll(): void {
    element.lang = lang;
    replaceChildren(
      element,
      h('h2', { id: id('heading') }, uiText(lang, 'import.heading')),
      h('p', { class: 'kpi-hint' }, uiText(lang, 'import.intro')),
      renderFileChooser(lang, id),
      h('div', { class: 'kpi-status', role: 'status', 'data-part': 'file-status' }),
      h('div', { class: 'kpi-alert', role: 'alert', 'data-part': 'file-alert' }),
      h('div', { 'data-part': 'body' }),
      h('div', { class: 'kpi-status', role: 'status', 'data-part': 'status' }),
      h('div', { class: 'kpi-alert', role: 'alert', 'data-part': 'alert' }),
      h('div', { 'data-part': 'outcome' }),
    );
    if (session)
      replaceChildren(part('file-status'), renderDetected(lang, session.file, session.resumedFrom));
    renderBody();
    showPhase();
  }

  /** The mapping, stages, dates and options of the file read; keeps focus on the control it had. */
  function renderBody(): void {
    const focused = element.ownerDocument.activeElement?.id;
    const body = part('body');
    if (!session) {
      replaceChildren(body);
      return;
    }
    const { file, choices } = session;
    const stages = stageQuestions(file, choices);
    shownStages = stages.questions;
    replaceChildren(
      body,
      h(
        'form',
        { class: 'kpi-form', novalidate: true, 'data-import': 'form' },
        renderMapping(lang, id, file, choices, decimalMark(session)),
        renderStages(lang, id, stages),
        renderDateOrders(lang, id, file, choices),
        ...renderOptionsForm(ctx(), importInfo(lang), form, errors, { example: false }),
        h(
          'div',
          { class: 'kpi-check' },
          h('input', {
            type: 'checkbox',
            id: id('analysis'),
            checked: withAnalysis,
            'data-import': 'analysis',
          }),
          h('label', { for: id('analysis') }, uiText(lang, 'import.analysis')),
        ),
        h(
          'button',
          { type: 'submit', id: id('submit'), class: 'kpi-primary' },
          uiText(lang, 'import.button'),
        ),
      ),
    );
    if (focused) element.ownerDocument.getElementById(focused)?.focus();
  }

  /** Progress, the question before replacing, the result or the refusal. */
  function showPhase(): void {
    const status = part('status');
    const alert = part('alert');
    const outcome = part('outcome');
    element
      .querySelector(`#${id('submit')}`)
      ?.setAttribute('aria-disabled', String(phase.kind === 'busy' || phase.kind === 'confirm'));
    // Another file while one is being written would hide what became of the write.
    const chooser = element.querySelector<HTMLInputElement>(`#${id('file')}`);
    if (chooser) chooser.disabled = phase.kind === 'busy';
    replaceChildren(status);
    replaceChildren(alert);
    replaceChildren(outcome);
    switch (phase.kind) {
      case 'busy':
        replaceChildren(
          status,
          h('span', { class: 'kpi-spinner', 'aria-hidden': 'true' }),
          phase.text,
        );
        break;
      case 'confirm':
        replaceChildren(outcome, confirmGroup(phase.sheet));
        break;
      case 'cancelled':
        replaceChildren(status, uiText(lang, 'import.cancelled', { sheet: phase.sheet }));
        break;
      case 'done':
        replaceChildren(status, h('span', { class: 'kpi-success' }, phase.text));
        replaceChildren(outcome, renderResult(lang, id, phase.result));
        break;
      case 'failed':
        replaceChildren(alert, h('strong', {}, uiText(lang, 'import.failed')), ' ', phase.message);
        break;
      case 'invalid':
        replaceChildren(alert, uiText(lang, 'options.fix'));
        break;
      case 'idle':
    }
  }

  function confirmGroup(sheet: string): HTMLElement {
    return h(
      'div',
      {
        class: 'kpi-confirm',
        role: 'group',
        'aria-labelledby': id('confirm-question'),
        'data-import': 'confirm',
      },
      h('p', { id: id('confirm-question') }, uiText(lang, 'import.replace', { sheet })),
      h('p', { class: 'kpi-hint' }, uiText(lang, 'import.replaceHelp')),
      h(
        'button',
        { type: 'button', id: id('replace'), class: 'kpi-primary', 'data-import': 'replace' },
        uiText(lang, 'import.replaceYes'),
      ),
      ' ',
      h(
        'button',
        { type: 'button', id: id('cancel'), 'data-import': 'cancel' },
        uiText(lang, 'import.cancel'),
      ),
    );
  }

  function setPhase(next: Phase, focus?: string): void {
    phase = next;
    showPhase();
    if (focus) element.ownerDocument.getElementById(focus)?.focus();
  }

  async function chooseFile(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    if (!chosen) return;
    const mine = ++token;
    session = null;
    phase = { kind: 'idle' };
    renderBody();
    showPhase();
    replaceChildren(part('file-alert'));
    replaceChildren(
      part('file-status'),
      h('span', { class: 'kpi-spinner', 'aria-hidden': 'true' }),
      uiText(lang, 'import.reading', { file: chosen.name }),
    );
    try {
      // Read in the browser: the bytes never leave this page.
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      await nextPaint();
      if (mine !== token) return;
      const loaded = loadFile(chosen.name, bytes);
      if (!loaded.ok) {
        replaceChildren(part('file-status'));
        replaceChildren(
          part('file-alert'),
          h('strong', {}, uiText(lang, 'import.notRead', { file: chosen.name })),
          ' ',
          refusalText(lang, loaded.error),
        );
        return;
      }
      const sheet = dataSheetName(form.lang);
      const cells = host.readSheetValues ? await host.readSheetValues(sheet, RECORD_RANGE) : null;
      if (mine !== token) return;
      const saved = cells ? parseImportRecord(cells) : null;
      // A workbook that has the data sheet has its analysis already; a re-import only replaces rows.
      withAnalysis = cells === null;
      decimalMarks.clear();
      session = {
        file: loaded.value,
        choices: initialChoices(loaded.value, saved),
        resumedFrom: saved ? sheet : null,
      };
      replaceChildren(part('file-status'), renderDetected(lang, session.file, session.resumedFrom));
      renderBody();
    } catch (error) {
      if (mine !== token) return;
      replaceChildren(part('file-status'));
      replaceChildren(
        part('file-alert'),
        h('strong', {}, uiText(lang, 'import.notRead', { file: chosen.name })),
        ' ',
        errorMessage(error),
      );
    }
  }

  async function startImport(): Promise<void> {
    if (!session || phase.kind === 'busy' || phase.kind === 'confirm') return;
    const check = checkForm(importInfo(lang), form, lang);
    if (!check.ok) {
      errors = check.errors;
      renderBody();
      const first = Object.keys(errors)[0];
      const target =
        first === 'currency' && form.currencyChoice !== 'other' ? 'currencyChoice' : first;
      setPhase({ kind: 'invalid' }, target && fieldId(id, target));
      return;
    }
    if (Object.keys(errors).length > 0) {
      errors = {};
      showFieldErrors(element, ctx(), form, errors);
    }
    const options: TemplateOptionsInput = { ...check.options };
    delete options.example;
    const mine = ++token;
    setPhase({ kind: 'busy', text: uiText(lang, 'import.checking') });
    try {
      await nextPaint();
      const deals = readDeals(session.file, session.choices);
      if (!deals.ok) {
        setPhase({ kind: 'failed', message: refusalText(lang, deals.error) });
        return;
      }
      const sheet = dataSheetName(form.lang);
      const existing = host.readSheetValues
        ? await host.readSheetValues(sheet, RECORD_RANGE)
        : null;
      if (mine !== token) return;
      if (existing !== null) {
        setPhase({ kind: 'confirm', sheet, deals: deals.value, options }, id('replace'));
        return;
      }
      await write(deals.value, options, false, mine);
    } catch (error) {
      if (mine === token) setPhase({ kind: 'failed', message: errorMessage(error) });
    }
  }

  async function write(
    deals: ImportedDeals,
    options: TemplateOptionsInput,
    replace: boolean,
    mine: number,
  ): Promise<void> {
    if (!session || !host.importDeals) return;
    const planned = planImport(
      deals,
      { options, fileName: session.file.fileName, replace, withAnalysis },
      defaults,
      { functionPrefix: host.functionPrefix },
    );
    if (!planned.ok) {
      setPhase({ kind: 'failed', message: planned.errors.map((e) => e.message).join(' ') });
      return;
    }
    const { request } = planned;
    setPhase({
      kind: 'busy',
      text: uiText(lang, 'import.writing', {
        count: countText(lang, request.dataSheet.rows.length),
        sheet: request.dataSheet.sheetName,
      }),
    });
    await nextPaint();
    try {
      const written = await host.importDeals(request);
      if (mine !== token) return;
      const count = countText(lang, deals.deals.length);
      const text =
        written.analysis === null
          ? uiText(lang, 'import.done', { count, sheet: written.dataSheet })
          : uiText(lang, 'import.doneAnalysis', {
              count,
              sheet: written.dataSheet,
              analysis: written.analysis,
            });
      // The deals are in the workbook now: the tab keeps only what it shows.
      setPhase({ kind: 'done', text, result: summariseImport(deals, MAX_PROBLEMS_SHOWN) });
    } catch (error) {
      if (mine === token) setPhase({ kind: 'failed', message: errorMessage(error) });
    }
  }

  function answer(replace: boolean): void {
    if (phase.kind !== 'confirm') return;
    const { sheet, deals, options } = phase;
    if (!replace) {
      setPhase({ kind: 'cancelled', sheet }, id('submit'));
      return;
    }
    const mine = ++token;
    element.ownerDocument.getElementById(id('submit'))?.focus();
    void write(deals, options, true, mine).catch((error: unknown) => {
      if (mine === token) setPhase({ kind: 'failed', message: errorMessage(error) });
    });
  }

  function onChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const kind = target.dataset.import;
    if (kind === 'file' && event.type === 'change') {
      void chooseFile(target as HTMLInputElement);
      return;
    }
    if (!session) return;
    const { choices, file } = session;
    // The question was about the answers as they were; a changed answer asks again on Import.
    if (phase.kind === 'confirm') setPhase({ kind: 'idle' });
    if (kind === 'column' && event.type === 'change') {
      const columns = parseColumnsValue(target.value, file.headers.length);
      const field = target.dataset.importField as keyof ImportChoices['columns'];
      if (columns === null) return;
      choices.columns[field] = columns;
      renderBody();
    } else if (kind === 'stage') {
      const question = shownStages[Number(target.dataset.index)];
      const outcome = target.value;
      if (question && (outcome === 'won' || outcome === 'lost' || outcome === 'open'))
        choices.outcomes[question.stage] = outcome;
    } else if (kind === 'dayOrder' && event.type === 'change') {
      const order = target.value;
      if (order === 'dmy' || order === 'mdy')
        choices.dayOrders[Number(target.dataset.column)] = order;
      renderBody();
    } else if (kind === 'analysis') {
      withAnalysis = (target as HTMLInputElement).checked;
    } else if (target.dataset.field) {
      const checked = target instanceof HTMLInputElement && target.checked;
      if (!updateForm(form, target.dataset.field, target.value, checked)) return;
      if (target.dataset.field === 'lang') sheetLangChosen = true;
      if (Object.keys(errors).length > 0) {
        // Only the refused fields are checked again: a fixed one loses its message.
        const check = checkForm(importInfo(lang), form, lang);
        const still: FieldErrors = {};
        if (!check.ok)
          for (const key of Object.keys(errors) as (keyof FieldErrors)[])
            if (check.errors[key] !== undefined) still[key] = check.errors[key];
        errors = still;
        showFieldErrors(element, ctx(), form, errors);
      }
      if (target.dataset.field === 'currencyChoice' && event.type === 'change') renderBody();
    }
  }

  element.addEventListener('change', onChange);
  element.addEventListener('input', onChange);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    // The template form's handler on the sidebar must not see this submit.
    event.stopPropagation();
    void startImport();
  });
  element.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-import]')?.dataset.import;
    if (action === 'replace') answer(true);
    else if (action === 'cancel') answer(false);
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (event.target as Element).closest('[data-import="confirm"]'))
      answer(false);
  });

  renderAll();
  return {
    element,
    show(next) {
      if (next === lang) return;
      lang = next;
      if (!sheetLangChosen) form.lang = next;
      renderAll();
    },
  };
}
