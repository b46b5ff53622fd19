// Why a row was reported, in the user's language: one map for the sidebar, the data sheet's record and the CLI.
import { t, type MessageKey } from '../i18n/index';
import type { Lang } from '../templates/options';
import type { ProblemReason } from './types';

const REASON_KEYS: Record<ProblemReason, MessageKey> = {
  'bad-number': 'import.reason.badNumber',
  'bad-date': 'import.reason.badDate',
  'blank-amount': 'import.reason.blankAmount',
  'blank-created': 'import.reason.blankCreated',
  'blank-closed': 'import.reason.blankClosed',
  'unknown-outcome': 'import.reason.unknownOutcome',
  'totals-row': 'import.reason.totalsRow',
};

export const reasonText = (lang: Lang, reason: ProblemReason): string =>
  t(lang, REASON_KEYS[reason]);
