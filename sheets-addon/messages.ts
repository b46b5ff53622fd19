// The Sheets adapter's own user-facing texts (failed insert or import, protection description, malformed request), in English and Finnish.
import type { Lang } from '../core/templates/index';

export interface SheetsMessages {
  /** The insert failed and the partly built sheet was removed. */
  insertFailed(sheetName: string, reason: string): string;
  /** The insert failed and even removing the partly built sheet failed. */
  insertFailedSheetLeft(sheetName: string, reason: string, cleanup: string): string;
  /** Shown in Data › Protect sheets and ranges. */
  protectionDescription: string;
  /** insertTemplate was sent options that are not a set of named values (a list, a text…). */
  optionsNotNamed: string;
  /** An import without `replace` found its data sheet already there; nothing was written. */
  dataSheetExists(sheetName: string): string;
  /** The import failed; everything it wrote was undone. */
  importFailed(sheetName: string, reason: string): string;
  /** The import failed and undoing it failed too. */
  importFailedNotUndone(sheetName: string, reason: string, cleanup: string): string;
  /** An import call whose arguments are not of the expected shape (`where`: the path to the part). */
  importUnreadable(where: string): string;
  /** The rows sent before the final call are not all on the draft sheet (a call lost or repeated). */
  importIncomplete: string;
}

export const SHEETS_MESSAGES: Record<Lang, SheetsMessages> = {
  en: {
    insertFailed: (name, reason) => `Could not insert '${name}': ${reason}. Nothing was changed.`,
    insertFailedSheetLeft: (name, reason, cleanup) =>
      `Could not insert '${name}': ${reason}. The unfinished sheet '${name}' could not be removed (${cleanup}); please delete it.`,
    protectionDescription: 'KPI template: formulas are protected, input cells stay editable.',
    optionsNotNamed:
      'Options must be sent as named values, such as { "periods": 12 }, not as a list or a text.',
    dataSheetExists: (name) =>
      `The spreadsheet already has a sheet '${name}'. Import again and agree to replace its rows, or rename that sheet. Nothing was changed.`,
    importFailed: (name, reason) =>
      `Could not import into '${name}': ${reason}. Nothing was changed.`,
    importFailedNotUndone: (name, reason, cleanup) =>
      `Could not import into '${name}': ${reason}. Undoing the import failed too (${cleanup}); please check '${name}' and any sheet named 'Import draft'.`,
    importUnreadable: (where) =>
      `The import could not be read (${where} is not of the expected form). Nothing was changed.`,
    importIncomplete:
      'Not all rows of the import arrived. Nothing was changed; please import the file again.',
  },
  fi: {
    insertFailed: (name, reason) =>
      `Taulukon '${name}' lisääminen epäonnistui: ${reason}. Mitään ei muutettu.`,
    insertFailedSheetLeft: (name, reason, cleanup) =>
      `Taulukon '${name}' lisääminen epäonnistui: ${reason}. Keskeneräistä taulukkoa '${name}' ei voitu poistaa (${cleanup}); poista se itse.`,
    protectionDescription: 'KPI-pohja: kaavat on suojattu, syöttösoluja voi muokata.',
    optionsNotNamed:
      'Asetukset on annettava nimettyinä arvoina, esimerkiksi { "periods": 12 }, ei luettelona tai tekstinä.',
    dataSheetExists: (name) =>
      `Laskentataulukossa on jo taulukko '${name}'. Tuo tiedosto uudelleen ja hyväksy sen rivien korvaaminen, tai nimeä taulukko uudelleen. Mitään ei muutettu.`,
    importFailed: (name, reason) =>
      `Tuonti taulukkoon '${name}' epäonnistui: ${reason}. Mitään ei muutettu.`,
    importFailedNotUndone: (name, reason, cleanup) =>
      `Tuonti taulukkoon '${name}' epäonnistui: ${reason}. Myös tuonnin peruminen epäonnistui (${cleanup}); tarkista '${name}' ja mahdollinen taulukko 'Import draft'.`,
    importUnreadable: (where) =>
      `Tuontia ei voitu lukea (${where} ei ole odotetussa muodossa). Mitään ei muutettu.`,
    importIncomplete:
      'Kaikki tuonnin rivit eivät tulleet perille. Mitään ei muutettu; tuo tiedosto uudelleen.',
  },
};

/** An error's message without a closing full stop, to sit inside a sentence. */
export function reasonOf(error: unknown): string {
  // Read off any object with a message, not by instanceof: a service's Error may come from another realm.
  const message: unknown =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
  const text = typeof message === 'string' ? message : String(error);
  return text.trim().replace(/\.$/, '');
}
