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

Your CRM data (template pipeline only):
  sales-kpi export pipeline --data <deals.csv> --out <file.xlsx> [options]
  --data <file.csv>        a deals export (CSV or TSV) of HubSpot, Salesforce, Pipedrive…;
                           without it, pipeline comes with example deals
  --map <field>=<header>   read a field from the column with this header (repeatable;
                           twice for one field: the first filled column wins)
                           fields: {fields}
  --won <stage>            count deals in this stage (or status) as won (repeatable)
  --lost <stage>           count deals in this stage (or status) as lost (repeatable)
  --day-order <field>=dmy|mdy
                           created or closed: read dates like 03/04/2026 day first (dmy)
                           or month first (mdy), where the file's dates fit both
Exit codes: 0 every row was read; 3 some rows were reported and left out (the
report is on standard error); 2 the file or an option was refused (nothing
written); 1 the workbook could not be written.

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
  needsData: 'The option {flag} applies to the deals file: give it with --data <file.csv>.',
  badMap: '--map takes <field>=<column header>, not "{value}". Fields: {fields}.',
  unknownField: 'Unknown field "{value}" in --map. Fields: {fields}.',
  wonAndLost: 'The stage "{value}" is given both as --won and as --lost.',
  badDayOrder: '--day-order takes <field>=dmy or <field>=mdy, not "{value}". Fields: {fields}.',
  dataNotHere: '--data reads deals for the template "pipeline", not "{template}".',
  dataMissing: 'Cannot read {path}: there is no such file.',
  dataNotFile: 'Cannot read {path}: it is not a regular file.',
  dataUnreadable: 'Cannot read {path}: {reason}.',
  dataMissingFields:
    'No column of {path} was recognised as {fields}. Name the columns with --map, e.g. --map {example}="<column header>". The columns are: {headers}.',
  dataUnknownHeader:
    '{path} has no column "{header}" (--map {field}={header}). The columns are: {headers}.',
  dataAmbiguousDates:
    'The dates in column "{header}" of {path} read both day first and month first (03/04/2026). Say which: --day-order {field}=dmy (day first) or --day-order {field}=mdy (month first).',
  stagesByFlags:
    'Note: {path} has Won and Closed columns; they decide each deal’s outcome, so --won and --lost were not used.',
  dataCurrencies:
    'Note: the deals are in {currencies}; the analysis adds up amounts in {currency} only (choose with --currency), never across currencies.',
  reportHeading: '{path}: {reported} rows reported, {leftOut} of them left out:',
  reportLine: '  row {row}, column {column}, value {value}: {reason}{leftOut}',
  reportLeftOut: '; left out',
  reportStagesHint: 'Name stages that are won or lost with --won <stage> and --lost <stage>.',
  refusedFile: '{path}: {reason}',
  dealsRead: 'Read {deals} deals from {path}.',
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

Omat CRM-tiedot (vain pohja pipeline):
  sales-kpi export pipeline --data <kaupat.csv> --out <tiedosto.xlsx> [valinnat]
  --data <tiedosto.csv>    kauppojen vientitiedosto (CSV tai TSV) HubSpotista, Salesforcesta,
                           Pipedrivesta…; ilman sitä pipeline saa esimerkkikaupat
  --map <kenttä>=<otsikko> lue kenttä sarakkeesta, jolla on tämä otsikko (toistettava;
                           kahdesti samalle kentälle: ensimmäinen täytetty sarake
                           voittaa)
                           kentät: {fields}
  --won <vaihe>            laske tämän vaiheen (tai tilan) kaupat voitetuiksi (toistettava)
  --lost <vaihe>           laske tämän vaiheen (tai tilan) kaupat hävityiksi (toistettava)
  --day-order <kenttä>=dmy|mdy
                           created tai closed: lue päivämäärät kuten 03/04/2026 päivä
                           ensin (dmy) tai kuukausi ensin (mdy), kun tiedoston päivämäärät
                           sopivat kumpaankin
Paluukoodit: 0 kaikki rivit luettiin; 3 osa riveistä raportoitiin ja jätettiin pois
(raportti virhetulosteessa); 2 tiedosto tai valinta hylättiin (mitään ei
kirjoitettu); 1 työkirjaa ei voitu kirjoittaa.

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
  needsData: 'Valinta {flag} koskee kauppatiedostoa: anna se valinnalla --data <tiedosto.csv>.',
  badMap: '--map ottaa muodon <kenttä>=<sarakkeen otsikko>, ei "{value}". Kentät: {fields}.',
  unknownField: 'Tuntematon kenttä "{value}" valinnassa --map. Kentät: {fields}.',
  wonAndLost: 'Vaihe "{value}" on annettu sekä valinnalla --won että --lost.',
  badDayOrder:
    '--day-order ottaa muodon <kenttä>=dmy tai <kenttä>=mdy, ei "{value}". Kentät: {fields}.',
  dataNotHere: '--data lukee kaupat pohjalle "pipeline", ei pohjalle "{template}".',
  dataMissing: 'Tiedostoa {path} ei voi lukea: sitä ei ole.',
  dataNotFile: 'Tiedostoa {path} ei voi lukea: se ei ole tavallinen tiedosto.',
  dataUnreadable: 'Tiedostoa {path} ei voi lukea: {reason}.',
  dataMissingFields:
    'Mikään tiedoston {path} sarake ei tunnistunut kentiksi {fields}. Nimeä sarakkeet valinnalla --map, esim. --map {example}="<sarakkeen otsikko>". Sarakkeet ovat: {headers}.',
  dataUnknownHeader:
    'Tiedostossa {path} ei ole saraketta "{header}" (--map {field}={header}). Sarakkeet ovat: {headers}.',
  dataAmbiguousDates:
    'Tiedoston {path} sarakkeen "{header}" päivämäärät voi lukea sekä päivä että kuukausi ensin (03/04/2026). Kerro kumpi: --day-order {field}=dmy (päivä ensin) tai --day-order {field}=mdy (kuukausi ensin).',
  stagesByFlags:
    'Huom: tiedostossa {path} on sarakkeet Won ja Closed; ne ratkaisevat kunkin kaupan tuloksen, joten valintoja --won ja --lost ei käytetty.',
  dataCurrencies:
    'Huom: kaupat ovat valuutoissa {currencies}; analyysi laskee yhteen vain valuutan {currency} summat (valitse valinnalla --currency), ei koskaan eri valuuttoja yhteen.',
  reportHeading: '{path}: {reported} riviä raportoitiin, niistä {leftOut} jätettiin pois:',
  reportLine: '  rivi {row}, sarake {column}, arvo {value}: {reason}{leftOut}',
  reportLeftOut: '; jätettiin pois',
  reportStagesHint:
    'Nimeä voitetut ja hävityt vaiheet valinnoilla --won <vaihe> ja --lost <vaihe>.',
  refusedFile: '{path}: {reason}',
  dealsRead: 'Tiedostosta {path} luettiin {deals} kauppaa.',
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
