// What the task pane tells the user when an import into Excel is refused or fails (English or Finnish).
import type { Lang } from '../core/templates/index';
import { officeFailure, type OfficeFailure } from './insert-error';

/** What became of the workbook after a failed import. */
export type ImportCleanup =
  /** Nothing had been written. */
  | 'nothingWritten'
  /** The partly written new data sheet was deleted. */
  | 'removed'
  /** The partly written new data sheet could not be deleted. */
  | 'notRemoved'
  /** The existing data sheet holds its earlier rows again. */
  | 'restored'
  /** Putting the earlier rows back failed too. */
  | 'notRestored';

type MessageKey = ImportCleanup | 'exists' | 'readFailed' | 'failed' | 'dataRemoved';

const MESSAGES: Record<Lang, Record<MessageKey, string>> = {
  en: {
    exists:
      'The workbook already has a sheet named "{name}", so nothing was imported. Import again and choose to replace its rows, or rename that sheet first.',
    readFailed: "Could not read the workbook's sheets, so nothing was imported.",
    failed: 'Could not import the deals into "{name}": Excel stopped while writing them.',
    nothingWritten: 'Nothing was written; your workbook is unchanged.',
    removed: 'The partly written sheet was removed; your workbook is unchanged.',
    notRemoved: 'The partly written sheet "{draft}" could not be removed; please delete it.',
    restored: 'The rows "{name}" held before were put back; your workbook is unchanged.',
    notRestored:
      'Putting back the rows "{name}" held before failed too; import your earlier file again to restore them.',
    dataRemoved: 'The imported sheet "{name}" was removed too.',
  },
  fi: {
    exists:
      'Työkirjassa on jo taulukko nimeltä ”{name}”, joten mitään ei tuotu. Tuo uudelleen ja valitse sen rivien korvaaminen, tai nimeä taulukko ensin uudelleen.',
    readFailed: 'Työkirjan taulukoita ei voitu lukea, joten mitään ei tuotu.',
    failed: 'Kauppoja ei voitu tuoda taulukkoon ”{name}”: Excel keskeytti kirjoittaessaan niitä.',
    nothingWritten: 'Mitään ei kirjoitettu; työkirja on ennallaan.',
    removed: 'Keskeneräinen taulukko poistettiin; työkirja on ennallaan.',
    notRemoved: 'Keskeneräistä taulukkoa ”{draft}” ei voitu poistaa; poista se itse.',
    restored: 'Taulukon ”{name}” aiemmat rivit palautettiin; työkirja on ennallaan.',
    notRestored:
      'Taulukon ”{name}” aiempien rivien palauttaminen epäonnistui myös; tuo aiempi tiedostosi uudelleen palauttaaksesi ne.',
    dataRemoved: 'Myös tuotu taulukko ”{name}” poistettiin.',
  },
};

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

/** An import that was refused or failed; its message is for the user, in the import's language. */
export class DealsImportError extends Error {
  override readonly name = 'DealsImportError';

  constructor(
    message: string,
    readonly cleanup: ImportCleanup,
    readonly office?: OfficeFailure,
  ) {
    super(message);
  }
}

/** The refusal when the workbook already has a data sheet and the user did not agree to replace its rows. */
export function sheetExistsError(lang: Lang, sheetName: string): DealsImportError {
  return new DealsImportError(fill(MESSAGES[lang].exists, { name: sheetName }), 'nothingWritten');
}

/**
 * The error for an import into `sheetName` that Excel stopped (`sheetName` undefined: the sheet
 * names could not be read), saying what became of the workbook, with Office's own message and code.
 */
export function importError(
  lang: Lang,
  error: unknown,
  cleanup: ImportCleanup,
  sheetName?: string,
  draftName?: string,
): DealsImportError {
  const text = MESSAGES[lang];
  const office = officeFailure(error);
  const params = { name: sheetName ?? '', draft: draftName ?? '' };
  const parts = [
    sheetName === undefined ? text.readFailed : fill(text.failed, params),
    ...(sheetName === undefined ? [] : [fill(text[cleanup], params)]),
    `(Excel: ${office.message} [${office.code}])`,
  ];
  return new DealsImportError(parts.join(' '), cleanup, office);
}

/**
 * The error for an import whose data sheet was written but whose analysis sheet failed: the
 * insertion's own message (it removed its partly built sheet), then what became of the data sheet.
 */
export function analysisFailed(
  lang: Lang,
  error: unknown,
  cleanup: ImportCleanup,
  dataSheet: string,
): DealsImportError {
  const text = MESSAGES[lang];
  const about =
    cleanup === 'removed' ? text.dataRemoved : cleanup === 'nothingWritten' ? '' : text[cleanup];
  // A failed insertion carries Office's failure; anything else is read as one.
  const office = (error as { office?: OfficeFailure } | null)?.office ?? officeFailure(error);
  const message = [
    error instanceof Error ? error.message : office.message,
    fill(about, { name: dataSheet }),
  ]
    .filter((part) => part !== '')
    .join(' ');
  return new DealsImportError(message, cleanup, office);
}
