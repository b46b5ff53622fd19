// The one sidebar UI every host mounts: template gallery, options, insert, function reference, CRM import, language switch.
import { listTemplates, type Lang, type TemplateId, type TemplateInfo } from '../templates/index';
import { copyText } from './clipboard';
import { h, replaceChildren } from './dom';
import { mountFormulaInsert } from './formula-insert';
import { cardButtonId, renderGallery } from './gallery';
import { renderHeader } from './header';
import { createImportPanel } from './import-panel';
import type { SidebarHost } from './host';
import { renderInsert, showInsertPhase, insertButtonId } from './insert-status';
import {
  checkForm,
  initialForm,
  OTHER_CURRENCY,
  updateForm,
  type FieldErrors,
  type FormValues,
} from './options-model';
import { fieldId, renderOptionsForm, showFieldErrors } from './options-form';
import { formulaOf, functionStatusId, renderReference, showMatches } from './reference';
import {
  displayLang,
  idMaker,
  type InsertPhase,
  type RenderContext,
  type SidebarState,
  type TabId,
} from './state';
import { IMPORT_TAB, renderPanel, renderTabs, tabAfterKey, tabId, TABS } from './tabs';
import { uiText } from './texts';

/** The order the options are checked in, so focus goes to the first refused field. */
const FIELD_ORDER = ['periods', 'startMonth', 'rows', 'currency', 'lang', 'mode'] as const;

/**
 * Renders the sidebar into `root` and keeps it running; every host call goes through `host`.
 * All text is set as text nodes, so names and messages from the registry, the templates or
 * the host can never become markup.
 */
export function mountSidebar(root: HTMLElement, host: SidebarHost): void {
  const defaults = host.defaults();
  const id = idMaker();
  const state: SidebarState = {
    lang: displayLang(defaults),
    tab: 'templates',
    sheetLangChosen: false,
    errors: {},
    insert: { phase: 'idle' },
    insertToken: 0,
    query: '',
  };
  let catalogue: TemplateInfo[] = listTemplates(state.lang);
  const context = (): RenderContext => ({ lang: state.lang, id, host });
  const selectedInfo = () => catalogue.find((template) => template.id === state.selected);
  // Only a host that can write an import gets the Import tab.
  const importPanel = host.importDeals ? createImportPanel(host, id, state.lang) : undefined;
  const tabs = importPanel ? [...TABS, IMPORT_TAB] : TABS;

  root.classList.add('kpi-sidebar', `kpi-sidebar--${host.kind}`);

  function templateView(ctx: RenderContext, info: TemplateInfo, form: FormValues): HTMLElement {
    return h(
      'section',
      { class: 'kpi-detail', 'aria-labelledby': id('detail-heading') },
      h(
        'button',
        { type: 'button', class: 'kpi-back', 'data-action': 'back' },
        h('span', { 'aria-hidden': 'true' }, '← '),
        uiText(state.lang, 'template.back'),
      ),
      h('h2', { id: id('detail-heading'), tabindex: -1 }, info.name),
      h('p', { class: 'kpi-card__purpose' }, info.purpose),
      h(
        'form',
        { class: 'kpi-form', novalidate: true, 'data-form': 'options' },
        ...renderOptionsForm(ctx, info, form, state.errors),
        renderInsert(ctx, state.insert),
      ),
    );
  }

  /** Rebuilds the whole sidebar from `state`, then focuses the element `focus` names. */
  function render(focus?: string): void {
    const ctx = context();
    root.lang = state.lang;
    const info = selectedInfo();
    importPanel?.show(state.lang);
    replaceChildren(
      root,
      renderHeader(ctx),
      renderTabs(ctx, state.tab, tabs),
      renderPanel(
        ctx,
        'templates',
        state.tab,
        info && state.form ? templateView(ctx, info, state.form) : renderGallery(ctx, catalogue),
      ),
      renderPanel(ctx, 'functions', state.tab, renderReference(ctx, state.query)),
      importPanel && renderPanel(ctx, IMPORT_TAB, state.tab, importPanel.element),
    );
    if (focus !== undefined) root.ownerDocument.getElementById(focus)?.focus();
  }

  function setPhase(phase: InsertPhase): void {
    state.insert = phase;
    showInsertPhase(root, context(), phase);
  }

  /**
   * The refused fields checked again, in the sidebar's current language: a fixed field's
   * message goes; fields not refused yet get none while the user is still typing.
   */
  function recheckedErrors(): FieldErrors {
    const info = selectedInfo();
    if (!info || !state.form) return {};
    const check = checkForm(info, state.form, state.lang);
    const errors: FieldErrors = {};
    if (check.ok) return errors;
    for (const field of Object.keys(state.errors) as (keyof FieldErrors)[])
      if (check.errors[field] !== undefined) errors[field] = check.errors[field];
    return errors;
  }

  function switchLanguage(lang: Lang): void {
    state.lang = lang;
    catalogue = listTemplates(lang);
    if (state.form && !state.sheetLangChosen) state.form.lang = lang;
    state.errors = recheckedErrors();
    if (Object.keys(state.errors).length === 0 && state.insert.phase === 'invalid')
      state.insert = { phase: 'idle' };
    render(id(`lang-${lang}`));
  }

  function selectTemplate(templateId: TemplateId | undefined): void {
    const previous = state.selected;
    state.selected = templateId;
    const info = selectedInfo();
    state.form = info && initialForm(info, defaults, state.lang);
    state.sheetLangChosen = false;
    state.errors = {};
    state.insert = { phase: 'idle' };
    state.insertToken++;
    render(info ? id('detail-heading') : previous && cardButtonId(id, previous));
  }

  async function insert(): Promise<void> {
    const info = selectedInfo();
    if (!info || !state.form || state.insert.phase === 'busy') return;
    const check = checkForm(info, state.form, state.lang);
    if (!check.ok) {
      state.errors = check.errors;
      state.insert = { phase: 'invalid' };
      const first = FIELD_ORDER.find((field) => check.errors[field] !== undefined);
      const target =
        first === 'currency' && state.form.currencyChoice !== OTHER_CURRENCY
          ? 'currencyChoice'
          : first;
      render(target && fieldId(id, target === 'mode' ? 'mode-portable' : target));
      return;
    }
    if (Object.keys(state.errors).length > 0) {
      state.errors = {};
      render(insertButtonId(id));
    }
    const token = ++state.insertToken;
    setPhase({ phase: 'busy', name: info.name });
    try {
      const { sheetName } = await host.insertTemplate({
        templateId: info.id,
        options: check.options,
      });
      if (token === state.insertToken) setPhase({ phase: 'done', sheetName });
    } catch (error) {
      if (token === state.insertToken)
        setPhase({
          phase: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
    }
  }

  async function copyFormula(name: string): Promise<void> {
    const formula = formulaOf(context(), name);
    const status = root.ownerDocument.getElementById(functionStatusId(id, name));
    if (formula === undefined || !status) return;
    const copied = await copyText(formula, root.ownerDocument);
    if (!copied) {
      // Leave the formula selected, so the keyboard shortcut the message names copies it.
      const code = root.ownerDocument.getElementById(id(`function-${name}-formula`));
      const selection = root.ownerDocument.getSelection();
      if (code && selection) selection.selectAllChildren(code);
    }
    replaceChildren(
      status,
      copied
        ? uiText(state.lang, 'functions.copied', { formula })
        : uiText(state.lang, 'functions.copyFailed'),
    );
  }

  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!target || !root.contains(target)) return;
    const { action, lang, tab, template } = target.dataset;
    if (action === 'lang' && (lang === 'en' || lang === 'fi')) switchLanguage(lang);
    else if (action === 'tab' && tabs.includes(tab as TabId)) {
      state.tab = tab as TabId;
      render(tabId(id, state.tab));
    } else if (action === 'select-template') selectTemplate(template as TemplateId);
    else if (action === 'back') selectTemplate(undefined);
    else if (action === 'copy') void copyFormula(target.dataset.function ?? '');
  });
  mountFormulaInsert(root, context);

  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'tab') return;
    const next = tabAfterKey(event.key, state.tab, tabs);
    if (next === undefined) return;
    event.preventDefault();
    state.tab = next;
    render(tabId(id, next));
  });

  root.addEventListener('submit', (event) => {
    event.preventDefault();
    void insert();
  });

  // Typing only updates the state; the form is rebuilt only when its shape changes.
  const onFieldChange = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    // The import tab's own form answers its fields itself.
    if (importPanel?.element.contains(target)) return;
    if (target.dataset.action === 'search') {
      // "change" also fires on blur; rebuilding the list then would swallow the click that blurred it.
      if (target.value === state.query) return;
      state.query = target.value;
      showMatches(root, context(), state.query);
      return;
    }
    const field = target.dataset.field;
    if (!field || !state.form) return;
    const checked = target instanceof HTMLInputElement && target.checked;
    if (!updateForm(state.form, field, target.value, checked)) return;
    if (field === 'lang') state.sheetLangChosen = true;
    if (Object.keys(state.errors).length > 0) {
      state.errors = recheckedErrors();
      showFieldErrors(root, context(), state.form, state.errors);
      if (Object.keys(state.errors).length === 0 && state.insert.phase === 'invalid')
        setPhase({ phase: 'idle' });
    }
    if (field === 'currencyChoice' && event.type === 'change') render(target.id);
  };
  root.addEventListener('input', onFieldChange);
  root.addEventListener('change', onFieldChange);

  render();
  // Tests and the bench wait for this mark to know the sidebar answers input.
  root.dataset.ready = 'true';
}
