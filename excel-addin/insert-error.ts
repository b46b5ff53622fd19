// Turns an Office.js failure during a template insertion into a message the user can act on (English or Finnish).
import type { Lang } from '../core/templates/index';

/** What the insertion was doing when Excel refused, told by Office's error location. */
export type InsertStep =
  | 'readSheets'
  | 'addSheet'
  | 'nameSheet'
  | 'writeCells'
  | 'formatCells'
  | 'mergeCells'
  | 'freezePanes'
  | 'notes'
  | 'validation'
  | 'conditionalFormats'
  | 'charts'
  | 'protection'
  | 'printSettings'
  | 'sheet';

/** The partly built sheet was removed, there was none, or removing it failed too. */
export type Cleanup = 'removed' | 'nothingToRemove' | 'notRemoved';

const STEPS: readonly [RegExp, InsertStep][] = [
  [/worksheetcollection\.add|worksheets\.add/i, 'addSheet'],
  [/^worksheet\.name$/i, 'nameSheet'],
  [/datavalidation/i, 'validation'],
  // "ConditionalFormat…", "CellValueConditionalFormat.rule", "ConditionalRangeFill.color".
  [/conditional/i, 'conditionalFormats'],
  [/chart/i, 'charts'],
  [/protect/i, 'protection'],
  [/pagelayout/i, 'printSettings'],
  [/note/i, 'notes'],
  [/freeze/i, 'freezePanes'],
  [/merge/i, 'mergeCells'],
  [/numberformat|formulas|values/i, 'writeCells'],
  [/format|border|font|fill|columnwidth|autofit/i, 'formatCells'],
];

const MESSAGES: Record<
  Lang,
  Record<
    InsertStep | Cleanup | 'failed' | 'readFailed' | 'structure' | 'unsupported' | 'nameTaken',
    string
  >
> = {
  en: {
    failed: 'Could not insert "{name}": Excel stopped while {step}.',
    readFailed: "Could not read the names of the workbook's sheets, so nothing was inserted.",
    readSheets: 'reading the sheet names',
    addSheet: 'adding the new sheet',
    nameSheet: 'naming the new sheet',
    writeCells: 'writing the cells',
    formatCells: 'formatting the cells',
    mergeCells: 'merging the title cells',
    freezePanes: 'freezing the header rows',
    notes: 'adding the cell notes',
    validation: 'setting the input checks',
    conditionalFormats: 'colouring the status cells',
    charts: 'drawing the chart',
    protection: 'protecting the sheet',
    printSettings: 'setting up the page for printing',
    sheet: 'building the sheet',
    removed: 'The partly built sheet was removed; your other sheets are unchanged.',
    nothingToRemove: 'No sheet was added; your workbook is unchanged.',
    notRemoved: 'The partly built sheet "{name}" could not be removed; please delete it.',
    structure:
      'The workbook structure may be protected (Review › Protect Workbook); unprotect it and try again.',
    unsupported:
      'This version of Excel lacks a feature the template needs; update Excel or use Excel on the web.',
    nameTaken:
      'A sheet named "{name}" appeared meanwhile (a co-author or a second insertion); insert again to use the next free name.',
  },
  fi: {
    failed: 'Pohjaa ”{name}” ei voitu lisätä: Excel keskeytti, kun se {step}.',
    readFailed: 'Työkirjan taulukoiden nimiä ei voitu lukea, joten mitään ei lisätty.',
    readSheets: 'luki taulukoiden nimiä',
    addSheet: 'lisäsi uutta taulukkoa',
    nameSheet: 'nimesi uutta taulukkoa',
    writeCells: 'kirjoitti soluja',
    formatCells: 'muotoili soluja',
    mergeCells: 'yhdisti otsikkosoluja',
    freezePanes: 'kiinnitti otsikkorivejä',
    notes: 'lisäsi solujen huomautuksia',
    validation: 'asetti syötteiden tarkistuksia',
    conditionalFormats: 'väritti tilasoluja',
    charts: 'piirsi kaaviota',
    protection: 'suojasi taulukkoa',
    printSettings: 'määritti tulostusasetuksia',
    sheet: 'rakensi taulukkoa',
    removed: 'Keskeneräinen taulukko poistettiin; muut taulukot ovat ennallaan.',
    nothingToRemove: 'Taulukkoa ei lisätty; työkirja on ennallaan.',
    notRemoved: 'Keskeneräistä taulukkoa ”{name}” ei voitu poistaa; poista se itse.',
    structure:
      'Työkirjan rakenne voi olla suojattu (Tarkista › Suojaa työkirja); poista suojaus ja yritä uudelleen.',
    unsupported:
      'Tästä Excel-versiosta puuttuu pohjan tarvitsema ominaisuus; päivitä Excel tai käytä Exceliä verkossa.',
    nameTaken:
      'Taulukko nimeltä ”{name}” ilmestyi työkirjaan juuri nyt (toinen käyttäjä tai toinen lisäys); lisää pohja uudelleen, niin se saa seuraavan vapaan nimen.',
  },
};

/** Office's own description of a failure, read defensively (OfficeExtension.Error or anything thrown). */
export interface OfficeFailure {
  code: string;
  message: string;
  location: string;
}

/** The code, message and location Office reported, or what any other thrown value says. */
export function officeFailure(error: unknown): OfficeFailure {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    debugInfo?: { errorLocation?: unknown };
  };
  return {
    code: typeof record.code === 'string' ? record.code : 'Unknown',
    message: typeof record.message === 'string' ? record.message : String(error),
    location:
      typeof record.debugInfo?.errorLocation === 'string' ? record.debugInfo.errorLocation : '',
  };
}

/** A template insertion that failed: what it was doing, whether the sheet was removed, and Office's error. */
export class TemplateInsertError extends Error {
  override readonly name = 'TemplateInsertError';

  constructor(
    message: string,
    readonly step: InsertStep,
    readonly cleanup: Cleanup,
    readonly office: OfficeFailure,
    readonly sheetName?: string,
  ) {
    super(message);
  }
}

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

/**
 * The error to reject with when inserting sheet `sheetName` failed (`sheetName` undefined: the
 * sheet names could not be read): what Excel was doing in plain words, whether the workbook is
 * unchanged (`draftName`: the name the partly built sheet has), a hint when the cause is known,
 * and Office's own message and code.
 */
export function insertError(
  lang: Lang,
  error: unknown,
  cleanup: Cleanup,
  sheetName?: string,
  draftName?: string,
): TemplateInsertError {
  const text = MESSAGES[lang];
  const office = officeFailure(error);
  const step: InsertStep =
    sheetName === undefined
      ? 'readSheets'
      : (STEPS.find(([pattern]) => pattern.test(office.location))?.[1] ?? 'sheet');
  const name = sheetName ?? '';
  const hint =
    step === 'nameSheet'
      ? fill(text.nameTaken, { name })
      : office.code === 'AccessDenied' || office.code === 'InsertDeleteConflict'
        ? text.structure
        : office.code === 'ApiNotFound' || office.code === 'ApiNotAvailable'
          ? text.unsupported
          : undefined;
  const parts = [
    sheetName === undefined ? text.readFailed : fill(text.failed, { name, step: text[step] }),
    ...(sheetName === undefined ? [] : [fill(text[cleanup], { name: draftName ?? name })]),
    ...(hint ? [hint] : []),
    `(Excel: ${office.message} [${office.code}])`,
  ];
  return new TemplateInsertError(parts.join(' '), step, cleanup, office, sheetName);
}
