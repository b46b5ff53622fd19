// The Sheets adapter's own user-facing texts (failed insert, protection description, malformed request), in English and Finnish.
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
}

export const SHEETS_MESSAGES: Record<Lang, SheetsMessages> = {
  en: {
    insertFailed: (name, reason) => `Could not insert '${name}': ${reason}. Nothing was changed.`,
    insertFailedSheetLeft: (name, reason, cleanup) =>
      `Could not insert '${name}': ${reason}. The unfinished sheet '${name}' could not be removed (${cleanup}); please delete it.`,
    protectionDescription: 'KPI template: formulas are protected, input cells stay editable.',
    optionsNotNamed:
      'Options must be sent as named values, such as { "periods": 12 }, not as a list or a text.',
  },
  fi: {
    insertFailed: (name, reason) =>
      `Taulukon '${name}' lisääminen epäonnistui: ${reason}. Mitään ei muutettu.`,
    insertFailedSheetLeft: (name, reason, cleanup) =>
      `Taulukon '${name}' lisääminen epäonnistui: ${reason}. Keskeneräistä taulukkoa '${name}' ei voitu poistaa (${cleanup}); poista se itse.`,
    protectionDescription: 'KPI-pohja: kaavat on suojattu, syöttösoluja voi muokata.',
    optionsNotNamed:
      'Asetukset on annettava nimettyinä arvoina, esimerkiksi { "periods": 12 }, ei luettelona tai tekstinä.',
  },
};

/** An error's message without a closing full stop, to sit inside a sentence. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/\.$/, '');
}
