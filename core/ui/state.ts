// What the sidebar remembers between renders, and how it names its elements uniquely on the page.
import { langOfLocale } from '../i18n/locale';
import type { Lang, TemplateId } from '../templates/index';
import type { FieldErrors, FormValues } from './options-model';
import type { SidebarHost } from './host';

export type TabId = 'templates' | 'functions' | 'import';

/** Where an insertion stands; `token` tells a late answer for an earlier request apart. */
export type InsertPhase =
  | { phase: 'idle' }
  | { phase: 'busy'; name: string }
  | { phase: 'done'; sheetName: string }
  | { phase: 'failed'; message: string }
  | { phase: 'invalid' };

export interface SidebarState {
  /** The language of the sidebar's texts. */
  lang: Lang;
  tab: TabId;
  /** The template whose options are shown; none shows the gallery. */
  selected?: TemplateId;
  form?: FormValues;
  /** The user chose the sheet's language, so it no longer follows the display language. */
  sheetLangChosen: boolean;
  errors: FieldErrors;
  insert: InsertPhase;
  /** Counts insert requests and template changes, so only the latest request updates the view. */
  insertToken: number;
  query: string;
}

/** The sidebar's language: the host's display language when it has one, else its template language. */
export function displayLang(defaults: ReturnType<SidebarHost['defaults']>): Lang {
  const tag = defaults.displayLanguage;
  if (tag !== undefined && tag !== '') return langOfLocale(tag);
  return defaults.lang ?? 'en';
}

let mounted = 0;

/** Element ids for one mounted sidebar: unique on the page even with several sidebars. */
export function idMaker(): (name: string) => string {
  const prefix = `kpi${++mounted}-`;
  return (name) => prefix + name;
}

/** What every part of the sidebar renders with. */
export interface RenderContext {
  lang: Lang;
  id: (name: string) => string;
  host: SidebarHost;
}
