// The sidebar's own texts in English and Finnish; option labels shared with the CLI live in core/i18n.
import type { Lang } from '../templates/options';

const en = {
  'app.title': 'Sales KPI',
  'lang.group': 'Display language',
  'tab.list': 'Sections',
  'tab.templates': 'Templates',
  'tab.functions': 'Functions',

  'gallery.heading': 'Choose a template',
  'gallery.kpis': 'Tracks: {kpis}',
  'template.back': 'All templates',
  'options.heading': 'Options',
  'options.sheetLang': 'Language of the sheet',
  'options.range': 'A whole number from {min} to {max}.',
  'options.month':
    'The month of the first period (typed as YYYY-MM where there is no month picker, e.g. 2026-01).',
  'options.currencyCode': 'Currency code',
  'options.currencyOther': 'Other…',
  'options.currencyHelp': 'Three letters, ISO 4217 (for example EUR).',
  'options.required': 'Enter a value.',
  'options.fix': 'Check the highlighted options, then insert again.',

  'insert.button': 'Insert template',
  'insert.progress': 'Inserting “{name}”…',
  'insert.success': "Inserted '{sheet}'",
  'insert.failed': 'The template was not inserted.',

  'functions.heading': 'KPI functions',
  'functions.search': 'Search functions',
  'functions.count': '{count} of {total} functions',
  'functions.none': 'No function matches “{query}”. Try a shorter word.',
  'functions.params': 'Parameters',
  'functions.optional': 'optional, default {value}',
  'functions.example': 'Example',
  'functions.copy': 'Copy',
  'functions.insert': 'Insert',
  'functions.copied': 'Copied {formula}',
  'functions.copyFailed': 'Copying is blocked here: select the formula and press Ctrl+C.',
  'functions.inserted': 'Inserted {formula} into {cell}.',
  'functions.insertedTopLeft':
    'Inserted {formula} into {cell}, the top-left cell of the selection {selection}.',
  'functions.confirm': 'Cell {cell} already holds “{content}”. Replace it?',
  'functions.confirmTopLeft':
    'Cell {cell}, the top-left cell of the selection {selection}, already holds “{content}”. Replace it?',
  'functions.replace': 'Replace',
  'functions.cancel': 'Cancel',
  'functions.cancelled': 'Nothing was inserted: {cell} keeps what it holds.',
  'functions.changed':
    '{cell} changed before the formula was written, so nothing was inserted. Press Insert again.',
  'functions.selectCell': 'Select a cell in the sheet first, then press Insert.',
  'functions.insertFailed': 'Could not insert the formula: {message}',

  'tab.import': 'Import',
  'import.heading': 'Import CRM data',
  'import.intro':
    'Choose a deals export (CSV or TSV) from HubSpot, Salesforce or Pipedrive. The file is read here, on your computer: nothing is uploaded.',
  'import.file': 'Deals file (CSV or TSV)',
  'import.reading': 'Reading “{file}”…',
  'import.notRead': '“{file}” was not read.',
  'import.detected': '{crm} export: {rows} rows.',
  'import.unknownCrm': 'No CRM recognised from the headers: check the columns. {rows} rows.',
  'import.resumed': "Columns and stages as last imported into '{sheet}'.",
  'import.columns': 'Columns',
  'import.columnsHelp':
    'The column each field is read from, with the first rows as they will be read.',
  'import.required': 'required',
  'import.noColumn': '(none)',
  'import.blank': '(blank)',
  'import.unreadable': '{value} (cannot be read)',
  'import.preview': 'First rows of {field}',
  'import.flags': 'Won and lost are read from the columns “{won}” and “{closed}”.',
  'import.stages': 'Stages',
  'import.stagesHelp': 'How each stage counts. Stages the CRM names itself are set already.',
  'import.stage': '{stage} ({count})',
  'import.stageNew': 'new',
  'import.stagesMore': '{count} rarer stages keep the outcome shown by default (open).',
  'import.dates': 'Dates',
  'import.dateOrder': 'Dates in “{column}” (for example {example})',
  'import.dayFirst': 'Day first (31/12/2026)',
  'import.monthFirst': 'Month first (12/31/2026)',
  'import.currencies': 'Amounts are in {currencies}: they are kept apart, never added together.',
  'import.analysis': 'Add a Pipeline analysis sheet',
  'import.button': 'Import',
  'import.replace': "Replace the rows of '{sheet}'?",
  'import.replaceHelp': 'Sheets whose formulas read it keep working.',
  'import.replaceYes': 'Replace rows',
  'import.cancel': 'Cancel',
  'import.cancelled': "Nothing was imported: '{sheet}' keeps its rows.",
  'import.checking': 'Reading the deals…',
  'import.writing': "Writing {count} deals into '{sheet}'…",
  'import.done': "Imported {count} deals into '{sheet}'.",
  'import.doneAnalysis': "Imported {count} deals into '{sheet}' and added '{analysis}'.",
  'import.counts': 'Rows read: {read}. Rows left out: {leftOut}.',
  'import.failed': 'Nothing was imported.',
  'import.problems': 'Reported rows',
  'import.problem': 'Row {row}, {column}: “{value}” – {reason}',
  'import.problemRow': 'Row {row}: “{value}” – {reason}',
  'import.problemsMore': '{count} more reported rows are not listed here.',
};

/** A text of the sidebar. */
export type UiKey = keyof typeof en;

const fi: Record<UiKey, string> = {
  'app.title': 'Myynnin KPI:t',
  'lang.group': 'Näyttökieli',
  'tab.list': 'Osiot',
  'tab.templates': 'Pohjat',
  'tab.functions': 'Funktiot',

  'gallery.heading': 'Valitse pohja',
  'gallery.kpis': 'Seuraa: {kpis}',
  'template.back': 'Kaikki pohjat',
  'options.heading': 'Asetukset',
  'options.sheetLang': 'Taulukon kieli',
  'options.range': 'Kokonaisluku {min}–{max}.',
  'options.month':
    'Ensimmäisen jakson kuukausi (kirjoitetaan VVVV-KK, jos kuukausivalitsinta ei ole, esim. 2026-01).',
  'options.currencyCode': 'Valuuttakoodi',
  'options.currencyOther': 'Muu…',
  'options.currencyHelp': 'Kolme kirjainta, ISO 4217 (esimerkiksi EUR).',
  'options.required': 'Anna arvo.',
  'options.fix': 'Tarkista merkityt asetukset ja lisää uudelleen.',

  'insert.button': 'Lisää pohja',
  'insert.progress': 'Lisätään pohjaa ”{name}”…',
  'insert.success': 'Lisätty ”{sheet}”',
  'insert.failed': 'Pohjaa ei lisätty.',

  'functions.heading': 'KPI-funktiot',
  'functions.search': 'Hae funktioita',
  'functions.count': '{count}/{total} funktiota',
  'functions.none': 'Mikään funktio ei vastaa hakua ”{query}”. Kokeile lyhyempää sanaa.',
  'functions.params': 'Parametrit',
  'functions.optional': 'valinnainen, oletus {value}',
  'functions.example': 'Esimerkki',
  'functions.copy': 'Kopioi',
  'functions.insert': 'Lisää',
  'functions.copied': 'Kopioitu {formula}',
  'functions.copyFailed': 'Kopiointi on estetty: valitse kaava ja paina Ctrl+C.',
  'functions.inserted': 'Kaava {formula} lisätty soluun {cell}.',
  'functions.insertedTopLeft':
    'Kaava {formula} lisätty soluun {cell}, valinnan {selection} vasempaan yläkulmaan.',
  'functions.confirm': 'Solussa {cell} on jo ”{content}”. Korvataanko se?',
  'functions.confirmTopLeft':
    'Solussa {cell}, valinnan {selection} vasemmassa yläkulmassa, on jo ”{content}”. Korvataanko se?',
  'functions.replace': 'Korvaa',
  'functions.cancel': 'Peruuta',
  'functions.cancelled': 'Mitään ei lisätty: solun {cell} sisältö säilyi.',
  'functions.changed':
    'Solu {cell} muuttui ennen kuin kaava ehdittiin kirjoittaa, joten mitään ei lisätty. Paina Lisää uudelleen.',
  'functions.selectCell': 'Valitse ensin solu taulukosta ja paina sitten Lisää.',
  'functions.insertFailed': 'Kaavaa ei voitu lisätä: {message}',

  'tab.import': 'Tuonti',
  'import.heading': 'Tuo CRM-tiedot',
  'import.intro':
    'Valitse kauppojen vienti (CSV tai TSV) HubSpotista, Salesforcesta tai Pipedrivesta. Tiedosto luetaan täällä omalla koneellasi: mitään ei lähetetä minnekään.',
  'import.file': 'Kauppatiedosto (CSV tai TSV)',
  'import.reading': 'Luetaan tiedostoa ”{file}”…',
  'import.notRead': 'Tiedostoa ”{file}” ei luettu.',
  'import.detected': '{crm}-vienti: {rows} riviä.',
  'import.unknownCrm': 'CRM:ää ei tunnistettu otsikoista: tarkista sarakkeet. {rows} riviä.',
  'import.resumed': 'Sarakkeet ja vaiheet kuten edellisessä tuonnissa taulukkoon ”{sheet}”.',
  'import.columns': 'Sarakkeet',
  'import.columnsHelp':
    'Sarake, josta kukin kenttä luetaan, ja ensimmäiset rivit sellaisina kuin ne luetaan.',
  'import.required': 'pakollinen',
  'import.noColumn': '(ei mikään)',
  'import.blank': '(tyhjä)',
  'import.unreadable': '{value} (ei luettavissa)',
  'import.preview': 'Kentän {field} ensimmäiset rivit',
  'import.flags': 'Voitetut ja hävityt luetaan sarakkeista ”{won}” ja ”{closed}”.',
  'import.stages': 'Vaiheet',
  'import.stagesHelp': 'Miten kukin vaihe lasketaan. CRM:n omat vaiheet on jo asetettu.',
  'import.stage': '{stage} ({count})',
  'import.stageNew': 'uusi',
  'import.stagesMore': '{count} harvinaisempaa vaihetta saa oletustuloksen (avoin).',
  'import.dates': 'Päivämäärät',
  'import.dateOrder': 'Päivämäärät sarakkeessa ”{column}” (esimerkiksi {example})',
  'import.dayFirst': 'Päivä ensin (31/12/2026)',
  'import.monthFirst': 'Kuukausi ensin (12/31/2026)',
  'import.currencies':
    'Summat ovat valuutoissa {currencies}: ne pidetään erillään eikä niitä lasketa yhteen.',
  'import.analysis': 'Lisää myyntiputken analyysi -taulukko',
  'import.button': 'Tuo',
  'import.replace': 'Korvataanko taulukon ”{sheet}” rivit?',
  'import.replaceHelp': 'Taulukot, joiden kaavat lukevat sitä, toimivat edelleen.',
  'import.replaceYes': 'Korvaa rivit',
  'import.cancel': 'Peruuta',
  'import.cancelled': 'Mitään ei tuotu: taulukon ”{sheet}” rivit säilyivät.',
  'import.checking': 'Luetaan kauppoja…',
  'import.writing': 'Kirjoitetaan {count} kauppaa taulukkoon ”{sheet}”…',
  'import.done': 'Tuotiin {count} kauppaa taulukkoon ”{sheet}”.',
  'import.doneAnalysis': 'Tuotiin {count} kauppaa taulukkoon ”{sheet}” ja lisättiin ”{analysis}”.',
  'import.counts': 'Luettuja rivejä: {read}. Pois jätettyjä rivejä: {leftOut}.',
  'import.failed': 'Mitään ei tuotu.',
  'import.problems': 'Raportoidut rivit',
  'import.problem': 'Rivi {row}, {column}: ”{value}” – {reason}',
  'import.problemRow': 'Rivi {row}: ”{value}” – {reason}',
  'import.problemsMore': '{count} muuta raportoitua riviä ei ole lueteltu tässä.',
};

/** Each language's name in itself, for the language switch and the sheet-language choice. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fi: 'Suomi' };

/** Every text table, by language; Finnish holds exactly the English keys. */
export const UI_TEXTS: Record<Lang, Record<UiKey, string>> = { en, fi };

/** The text for `key` in `lang`, with each "{name}" replaced by `params.name`. */
export function uiText(
  lang: Lang,
  key: UiKey,
  params: Record<string, string | number> = {},
): string {
  return UI_TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
