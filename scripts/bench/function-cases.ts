// The functions the throughput budget measures, each with realistic inputs and a plain loop
// computing the same formula (spec functions.md) with the same blank check and no validation.
import type { CellInput, ScalarResult } from '../../core/values';
import { column, randomInt, randomMoney, seededRandom, type Column } from './data';

/** Inputs for one size: the arguments a host would pass, and the plain loop over the same arrays. */
export interface CaseRun {
  args: unknown[];
  plain: () => ScalarResult | ScalarResult[][];
}

export interface FunctionCase {
  /** The registry name called through `callFunction`. */
  name: string;
  build: (rows: number) => CaseRun;
}

/** About one cell in this many is blank, as in a sheet still being filled in. */
const BLANK_EVERY = 500;

function isBlankCell(value: CellInput): boolean {
  return value === null || value === undefined || value === '';
}

function cell(range: Column, row: number): CellInput {
  return range[row]![0];
}

const leadConversion: FunctionCase = {
  name: 'LEAD_CONVERSION',
  build(rows) {
    const random = seededRandom(1);
    const leads = Array.from({ length: rows }, () => randomInt(random, 50, 2000));
    const converted = column(rows, random, BLANK_EVERY, (r) =>
      randomInt(random, 0, Math.floor(leads[r]! * 0.4)),
    );
    const totalLeads = column(rows, random, BLANK_EVERY, (r) => leads[r]!);
    return {
      args: [converted, totalLeads],
      plain: () => {
        const out: ScalarResult[][] = new Array(rows);
        for (let r = 0; r < rows; r++) {
          const a = cell(converted, r);
          const b = cell(totalLeads, r);
          out[r] = [isBlankCell(a) || isBlankCell(b) ? '' : (a as number) / (b as number)];
        }
        return out;
      },
    };
  },
};

const clv: FunctionCase = {
  name: 'CLV',
  build(rows) {
    const random = seededRandom(2);
    const purchaseValue = column(rows, random, BLANK_EVERY, () => randomMoney(random, 50, 5000));
    const perYear = column(rows, random, BLANK_EVERY, () => randomInt(random, 1, 12));
    const lifespan = column(rows, random, BLANK_EVERY, () => randomInt(random, 1, 10));
    const margin = column(rows, random, BLANK_EVERY, () => randomInt(random, 20, 90) / 100);
    const discountRate = 0.08;
    return {
      args: [purchaseValue, perYear, lifespan, margin, discountRate],
      plain: () => {
        const out: ScalarResult[][] = new Array(rows);
        for (let r = 0; r < rows; r++) {
          const v = cell(purchaseValue, r);
          const f = cell(perYear, r);
          const years = cell(lifespan, r);
          const m = cell(margin, r);
          if (isBlankCell(v) || isBlankCell(f) || isBlankCell(years)) {
            out[r] = [''];
            continue;
          }
          const annual = (v as number) * (f as number) * (isBlankCell(m) ? 1 : (m as number));
          out[r] = [(annual * (1 - Math.pow(1 + discountRate, -(years as number)))) / discountRate];
        }
        return out;
      },
    };
  },
};

const kpiStatus: FunctionCase = {
  name: 'KPI_STATUS',
  build(rows) {
    const random = seededRandom(3);
    const targets = Array.from({ length: rows }, () => randomInt(random, 10, 1000) * 100);
    const target = column(rows, random, BLANK_EVERY, (r) => targets[r]!);
    const actual = column(rows, random, BLANK_EVERY, (r) =>
      Math.round(targets[r]! * (0.7 + random() * 0.6)),
    );
    const higherIsBetter = column(rows, random, BLANK_EVERY, () => random() >= 0.1);
    const tolerance = 0.1;
    return {
      args: [actual, target, higherIsBetter, tolerance],
      plain: () => {
        const out: ScalarResult[][] = new Array(rows);
        for (let r = 0; r < rows; r++) {
          const a = cell(actual, r);
          const t = cell(target, r);
          if (isBlankCell(a) || isBlankCell(t)) {
            out[r] = [''];
            continue;
          }
          const flag = cell(higherIsBetter, r);
          const higher = isBlankCell(flag) ? true : (flag as boolean);
          const x = a as number;
          const goal = t as number;
          const met = higher ? x >= goal : x <= goal;
          const near = higher ? x >= goal * (1 - tolerance) : x <= goal * (1 + tolerance);
          out[r] = [met ? 'On track' : near ? 'At risk' : 'Off track'];
        }
        return out;
      },
    };
  },
};

const nps: FunctionCase = {
  name: 'NPS',
  build(rows) {
    const random = seededRandom(4);
    // Survey answers lean to the top of the scale, as they do in practice.
    const scores = column(rows, random, BLANK_EVERY, () =>
      Math.min(10, Math.floor(Math.sqrt(random()) * 11)),
    );
    return {
      args: [scores],
      plain: () => {
        let count = 0;
        let promoters = 0;
        let detractors = 0;
        for (let r = 0; r < rows; r++) {
          const s = cell(scores, r);
          if (isBlankCell(s)) continue;
          count++;
          if ((s as number) >= 9) promoters++;
          else if ((s as number) <= 6) detractors++;
        }
        return ((promoters - detractors) / count) * 100;
      },
    };
  },
};

export const FUNCTION_CASES: readonly FunctionCase[] = [leadConversion, clv, kpiStatus, nps];
