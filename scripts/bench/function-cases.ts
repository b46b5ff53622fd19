// The functions the throughput budget measures, each with realistic inputs and a plain loop
// computing the same formula (spec functions.md) with the same blank check and no validation.
import type { CellInput, ScalarResult } from '../../core/values';
import { column, randomInt, randomMoney, seededRandom, type Column } from './data';

/** What a call returns: one 2-D result per row for an "each" function, one number for a set. */
export type PlainResult = ScalarResult | ScalarResult[][];

export interface FunctionCase {
  /** The registry name called through `callFunction`. */
  name: string;
  /** The arguments a host would pass: column ranges of `rows` cells, and scalars. */
  inputs: (rows: number) => unknown[];
  /**
   * The hand-written loop over the same arguments. Each case spells out its own cell reads
   * and blank checks, as a developer writing this one formula would, so the loop's code sees
   * only its own arrays and the comparison is with code V8 can fully specialise.
   */
  plain: (args: readonly unknown[]) => PlainResult;
}

/** About one cell in this many is blank, as in a sheet still being filled in. */
const BLANK_EVERY = 500;

const leadConversion: FunctionCase = {
  name: 'LEAD_CONVERSION',
  inputs(rows) {
    const random = seededRandom(1);
    const leads = Array.from({ length: rows }, () => randomInt(random, 50, 2000));
    const converted = column(rows, random, BLANK_EVERY, (r) =>
      randomInt(random, 0, Math.floor(leads[r]! * 0.4)),
    );
    const totalLeads = column(rows, random, BLANK_EVERY, (r) => leads[r]!);
    return [converted, totalLeads];
  },
  plain(args) {
    const [converted, totalLeads] = args as [Column, Column];
    const rows = converted.length;
    const out: ScalarResult[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = converted[r]![0];
      const b = totalLeads[r]![0];
      const blank =
        a === null || a === undefined || a === '' || b === null || b === undefined || b === '';
      out[r] = [blank ? '' : (a as number) / (b as number)];
    }
    return out;
  },
};

const clv: FunctionCase = {
  name: 'CLV',
  inputs(rows) {
    const random = seededRandom(2);
    const purchaseValue = column(rows, random, BLANK_EVERY, () => randomMoney(random, 50, 5000));
    const perYear = column(rows, random, BLANK_EVERY, () => randomInt(random, 1, 12));
    const lifespan = column(rows, random, BLANK_EVERY, () => randomInt(random, 1, 10));
    const margin = column(rows, random, BLANK_EVERY, () => randomInt(random, 20, 90) / 100);
    const discountRate = 0.08;
    return [purchaseValue, perYear, lifespan, margin, discountRate];
  },
  plain(args) {
    const [purchaseValue, perYear, lifespan, margin, discountRate] = args as [
      Column,
      Column,
      Column,
      Column,
      number,
    ];
    const rows = purchaseValue.length;
    const out: ScalarResult[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const v = purchaseValue[r]![0];
      const f = perYear[r]![0];
      const years = lifespan[r]![0];
      const m = margin[r]![0];
      if (
        v === null ||
        v === undefined ||
        v === '' ||
        f === null ||
        f === undefined ||
        f === '' ||
        years === null ||
        years === undefined ||
        years === ''
      ) {
        out[r] = [''];
        continue;
      }
      const share = m === null || m === undefined || m === '' ? 1 : (m as number);
      const annual = (v as number) * (f as number) * share;
      out[r] = [(annual * (1 - Math.pow(1 + discountRate, -(years as number)))) / discountRate];
    }
    return out;
  },
};

const kpiStatus: FunctionCase = {
  name: 'KPI_STATUS',
  inputs(rows) {
    const random = seededRandom(3);
    const targets = Array.from({ length: rows }, () => randomInt(random, 10, 1000) * 100);
    const target = column(rows, random, BLANK_EVERY, (r) => targets[r]!);
    const actual = column(rows, random, BLANK_EVERY, (r) =>
      Math.round(targets[r]! * (0.7 + random() * 0.6)),
    );
    const higherIsBetter = column(rows, random, BLANK_EVERY, () => random() >= 0.1);
    const tolerance = 0.1;
    return [actual, target, higherIsBetter, tolerance];
  },
  plain(args) {
    const [actual, target, higherIsBetter, tolerance] = args as [Column, Column, Column, number];
    const rows = actual.length;
    const out: ScalarResult[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = actual[r]![0];
      const t = target[r]![0];
      if (a === null || a === undefined || a === '' || t === null || t === undefined || t === '') {
        out[r] = [''];
        continue;
      }
      const flag: CellInput = higherIsBetter[r]![0];
      const higher = flag === null || flag === undefined || flag === '' ? true : (flag as boolean);
      const x = a as number;
      const goal = t as number;
      const met = higher ? x >= goal : x <= goal;
      const near = higher ? x >= goal * (1 - tolerance) : x <= goal * (1 + tolerance);
      out[r] = [met ? 'On track' : near ? 'At risk' : 'Off track'];
    }
    return out;
  },
};

const nps: FunctionCase = {
  name: 'NPS',
  inputs(rows) {
    const random = seededRandom(4);
    // Survey answers lean to the top of the scale, as they do in practice.
    const scores = column(rows, random, BLANK_EVERY, () =>
      Math.min(10, Math.floor(Math.sqrt(random()) * 11)),
    );
    return [scores];
  },
  plain(args) {
    const [scores] = args as [Column];
    let count = 0;
    let promoters = 0;
    let detractors = 0;
    for (let r = 0; r < scores.length; r++) {
      const s = scores[r]![0];
      if (s === null || s === undefined || s === '') continue;
      count++;
      if ((s as number) >= 9) promoters++;
      else if ((s as number) <= 6) detractors++;
    }
    return ((promoters - detractors) / count) * 100;
  },
};

export const FUNCTION_CASES: readonly FunctionCase[] = [leadConversion, clv, kpiStatus, nps];
