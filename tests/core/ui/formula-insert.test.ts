// The reference's Insert decisions: which cell a host may write into, and what the sidebar says or asks (issue 8, item 3).
import { describe, expect, it } from 'vitest';
import { answerFor, shownContent } from '../../../core/ui/formula-insert';
import { mayWrite, type TargetCell } from '../../../core/ui/host';

const B4: TargetCell = { sheet: 'Sheet1', address: 'B4', content: '123' };
const emptyB4: TargetCell = { ...B4, content: '' };
const block: TargetCell = { ...B4, selection: 'B4:D9' };
const formula = '=KPI.SALES_ROI(50000, 10000, 0.4)';

describe('mayWrite', () => {
  it('without an expectation, writes only into an empty cell', () => {
    expect(mayWrite(emptyB4)).toBe(true);
    expect(mayWrite(B4)).toBe(false);
    expect(mayWrite({ ...B4, content: ' ' })).toBe(false);
    expect(mayWrite({ ...B4, content: '=A1' })).toBe(false);
  });

  it('with one, writes only into that very cell still holding the same', () => {
    expect(mayWrite(B4, B4)).toBe(true);
    expect(mayWrite({ ...B4, selection: 'B4:C5' }, B4)).toBe(true);
    expect(mayWrite({ ...B4, content: '124' }, B4)).toBe(false);
    expect(mayWrite(emptyB4, B4)).toBe(false);
    expect(mayWrite({ ...B4, address: 'B5' }, B4)).toBe(false);
    // The same address on another sheet is another cell.
    expect(mayWrite({ ...B4, sheet: 'Sheet2' }, B4)).toBe(false);
  });
});

describe('answerFor', () => {
  it('reports a written formula with the cell it went into', () => {
    expect(answerFor('en', formula, { status: 'written', cell: emptyB4 }, false)).toEqual({
      ask: false,
      text: 'Inserted =KPI.SALES_ROI(50000, 10000, 0.4) into B4.',
    });
    expect(answerFor('fi', formula, { status: 'written', cell: B4 }, true)).toEqual({
      ask: false,
      text: 'Kaava =KPI.SALES_ROI(50000, 10000, 0.4) lisätty soluun B4.',
    });
  });

  it('says when a selection of several cells got the formula in its top-left cell', () => {
    expect(answerFor('en', formula, { status: 'written', cell: block }, false)).toEqual({
      ask: false,
      text: 'Inserted =KPI.SALES_ROI(50000, 10000, 0.4) into B4, the top-left cell of the selection B4:D9.',
    });
  });

  it('asks before replacing what the cell holds, quoting it', () => {
    expect(answerFor('en', formula, { status: 'refused', cell: B4 }, false)).toEqual({
      ask: true,
      question: 'Cell B4 already holds “123”. Replace it?',
      cell: B4,
    });
    expect(answerFor('fi', formula, { status: 'refused', cell: B4 }, false)).toMatchObject({
      question: 'Solussa B4 on jo ”123”. Korvataanko se?',
    });
    expect(answerFor('en', formula, { status: 'refused', cell: block }, false)).toMatchObject({
      question:
        'Cell B4, the top-left cell of the selection B4:D9, already holds “123”. Replace it?',
    });
  });

  it('after Replace, a refusal means the cell changed meanwhile: says so instead of asking again', () => {
    expect(
      answerFor('en', formula, { status: 'refused', cell: { ...B4, content: '9' } }, true),
    ).toEqual({
      ask: false,
      text: 'B4 changed before the formula was written, so nothing was inserted. Press Insert again.',
    });
  });

  it('asks for a cell when none is selected', () => {
    expect(answerFor('en', formula, { status: 'noCell' }, false)).toEqual({
      ask: false,
      text: 'Select a cell in the sheet first, then press Insert.',
    });
  });
});

describe('shownContent', () => {
  it('quotes short content whole and cuts long content to 60 characters ending in "…"', () => {
    expect(shownContent('=SUM(A1:A9)')).toBe('=SUM(A1:A9)');
    expect(shownContent('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shownContent('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    // Characters, not UTF-16 units: an emoji is never cut in half.
    expect(shownContent('😀'.repeat(70))).toBe(`${'😀'.repeat(59)}…`);
  });
});
