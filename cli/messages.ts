// The command line's own texts (usage, refusals, results) in English and Finnish.
import type { Lang } from '../core/templates/options';

const en = {
  usage: `sales-kpi — KPI templates as Excel workbooks (.xlsx)

Usage:
  sales-kpi list [--lang en|fi]
  sales-kpi export <template-id> --out <file.xlsx> [options]
  sales-kpi --help

Options of export:
  --out <file.xlsx>        where to write the workbook (required)
  --lang en|fi             language of labels, help texts and notes
                           (default: fi for a Finnish terminal locale, else en)
  --mode portable|functions
                           portable: native formulas that work everywhere (default);
                           functions: formulas call the add-in's KPI.* functions
  --periods N              number of periods, 1–24, for time-based templates
  --start-month YYYY-MM    first period (default: the periods end last month)
  --rows N                 number of rows, 1–50, for list templates
  --currency CODE          ISO currency code of money formats (default: EUR)
  --no-example             leave the input cells empty instead of example data
  --no-protect             do not protect the formula cells
  --force                  overwrite <file.xlsx> if it exists (only your own writable
                           file, never a symbolic link)

Templates: run "sales-kpi list".`,
  templatesHeading: 'Templates (sales-kpi export <template-id> --out <file.xlsx>):',
  functionsHeading: 'Functions (portable mode writes them as native formulas):',
  missingCommand: 'No command given. Run "sales-kpi --help" for the usage.',
  unknownCommand: 'Unknown command "{value}". The commands are: list, export.',
  missingTemplate: 'Which template? Usage: sales-kpi export <template-id> --out <file.xlsx>',
  extraArgument: 'Unexpected argument "{value}". Run "sales-kpi --help" for the usage.',
  unknownFlag: 'Unknown option "{value}". Run "sales-kpi --help" for the options.',
  flagNotHere: 'The option {flag} does not apply to "{command}".',
  missingValue: 'The option {flag} needs a value.',
  flagTakesNoValue: 'The option {flag} takes no value.',
  repeatedFlag: 'The option {flag} is given twice.',
  missingOut: 'Where to? Give the file to write with --out <file.xlsx>.',
  notXlsx: '--out must name an .xlsx file, not "{path}".',
  exists: '{path} already exists; nothing was written. Add --force to overwrite it.',
  unwritable: 'Cannot write {path}: {reason}. Nothing was written.',
  reasonNoFolder: 'the folder does not exist',
  reasonDenied: 'permission denied',
  reasonIsFolder: 'it is a folder',
  reasonSymlink:
    'it is a symbolic link; --force replaces only a regular file, so name the file itself',
  reasonNotFile: 'it is not a regular file',
  reasonOtherOwner: 'the file belongs to another user; --force replaces only your own files',
  reasonReadOnly: 'the file is read-only; make it writable first if you mean to replace it',
  written: 'Wrote {path} (template "{template}", sheet "{sheet}", {mode} formulas).',
  failed: 'Could not build the workbook: {reason}',
  outputFailed: 'Could not write the output: {reason}',
  ignoredOption: 'Note: {flag} does not apply to template "{template}" and was ignored.',
} as const;

export type CliMessageKey = keyof typeof en;

const fi: Record<CliMessageKey, string> = {
  usage: `sales-kpi — KPI-pohjat Excel-työkirjoina (.xlsx)

Käyttö:
  sales-kpi list [--lang en|fi]
  sales-kpi export <pohjan-tunnus> --out <tiedosto.xlsx> [valinnat]
  sales-kpi --help

Exportin valinnat:
  --out <tiedosto.xlsx>    mihin työkirja kirjoitetaan (pakollinen)
  --lang en|fi             otsikoiden, ohjetekstien ja huomautusten kieli
                           (oletus: fi suomenkielisessä päätteessä, muuten en)
  --mode portable|functions
                           portable: tavalliset kaavat, jotka toimivat kaikkialla (oletus);
                           functions: kaavat kutsuvat apuohjelman KPI.*-funktioita
  --periods N              jaksojen määrä, 1–24, aikaan perustuvissa pohjissa
  --start-month YYYY-MM    ensimmäinen jakso (oletus: jaksot päättyvät edelliseen kuukauteen)
  --rows N                 rivien määrä, 1–50, luettelopohjissa
  --currency KOODI         rahamuotoilujen ISO-valuuttakoodi (oletus: EUR)
  --no-example             jätä syöttösolut tyhjiksi esimerkkitietojen sijaan
  --no-protect             älä suojaa kaavasoluja
  --force                  korvaa <tiedosto.xlsx>, jos se on jo olemassa (vain oma
                           kirjoitettava tiedostosi, ei koskaan symbolista linkkiä)

Pohjat: suorita "sales-kpi list".`,
  templatesHeading: 'Pohjat (sales-kpi export <pohjan-tunnus> --out <tiedosto.xlsx>):',
  functionsHeading: 'Funktiot (portable-tila kirjoittaa ne tavallisina kaavoina):',
  missingCommand: 'Komento puuttuu. Käyttöohje: "sales-kpi --help".',
  unknownCommand: 'Tuntematon komento "{value}". Komennot ovat: list, export.',
  missingTemplate: 'Mikä pohja? Käyttö: sales-kpi export <pohjan-tunnus> --out <tiedosto.xlsx>',
  extraArgument: 'Odottamaton argumentti "{value}". Käyttöohje: "sales-kpi --help".',
  unknownFlag: 'Tuntematon valinta "{value}". Valinnat: "sales-kpi --help".',
  flagNotHere: 'Valinta {flag} ei koske komentoa "{command}".',
  missingValue: 'Valinta {flag} tarvitsee arvon.',
  flagTakesNoValue: 'Valinta {flag} ei ota arvoa.',
  repeatedFlag: 'Valinta {flag} on annettu kahdesti.',
  missingOut: 'Minne? Anna kirjoitettava tiedosto valinnalla --out <tiedosto.xlsx>.',
  notXlsx: '--out-valinnan on oltava .xlsx-tiedosto, ei "{path}".',
  exists: '{path} on jo olemassa; mitään ei kirjoitettu. Lisää --force korvataksesi sen.',
  unwritable: 'Tiedostoa {path} ei voi kirjoittaa: {reason}. Mitään ei kirjoitettu.',
  reasonNoFolder: 'kansiota ei ole olemassa',
  reasonDenied: 'ei käyttöoikeutta',
  reasonIsFolder: 'se on kansio',
  reasonSymlink:
    'se on symbolinen linkki; --force korvaa vain tavallisen tiedoston, joten anna itse tiedoston polku',
  reasonNotFile: 'se ei ole tavallinen tiedosto',
  reasonOtherOwner: 'tiedosto kuuluu toiselle käyttäjälle; --force korvaa vain omia tiedostojasi',
  reasonReadOnly: 'tiedosto on kirjoitussuojattu; tee siitä kirjoitettava, jos haluat korvata sen',
  written: 'Kirjoitettiin {path} (pohja "{template}", taulukko "{sheet}", {mode}-kaavat).',
  failed: 'Työkirjaa ei voitu muodostaa: {reason}',
  outputFailed: 'Tulostetta ei voitu kirjoittaa: {reason}',
  ignoredOption: 'Huom: {flag} ei koske pohjaa "{template}", joten se ohitettiin.',
};

const MESSAGES: Record<Lang, Record<CliMessageKey, string>> = { en, fi };

/** The command-line text for `key` in `lang`, each "{name}" replaced by `params.name`. */
export function cliText(
  lang: Lang,
  key: CliMessageKey,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
