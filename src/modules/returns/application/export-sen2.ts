import { collectionPeriod } from '../domain/collection-period.ts';
import { SOFTWARE_CODE } from '../domain/sen2-codes.ts';
import { CSV_MODULES, csvHeader, headerCsvRow, newCsvCounters, personCsvRows, type CsvModule } from '../domain/sen2-csv.writer.ts';
import { sen2PersonOf } from '../domain/sen2-person.mapper.ts';
import type { Sen2Header, Sen2Person } from '../domain/sen2-record.ts';
import { SEN2_XML_CLOSING, sen2PersonXml, sen2XmlOpening } from '../domain/sen2-xml.writer.ts';
import { childHistories, countChildren, type RunQuery } from '../infrastructure/child-history.cursor.ts';

/**
 * The SEN2 export: children are read a batch at a time and each person is written as soon as it is
 * mapped, so memory holds one batch. Writers return a promise that resolves when the sink can take
 * more (back-pressure), so a slow disk or a slow browser slows the reading rather than filling memory.
 */
export interface ExportOptions {
  laCode: string;
  referenceDate: string;
  /** Header DateTime, ccyy-mm-ddThh:mm:ss; passed in so a re-export can be byte-identical. */
  generatedAt: string;
  release?: string;
  onProgress?: (done: number, total: number) => void;
  /** Called with each person as written (the pre-submission check uses the same pass). */
  onPerson?: (person: Sen2Person) => void;
}

export interface ExportSummary { persons: number; requests: number; namedPlans: number; activePlans: number; childrenRead: number }

export function sen2Header(o: Pick<ExportOptions, 'laCode' | 'referenceDate' | 'generatedAt' | 'release'>): Sen2Header {
  const period = collectionPeriod(o.referenceDate);
  // DMO/DCO/DSCO: OpenSEND does not yet record the designated officers' involvement, so 'N'.
  return { year: period.year, referenceDate: o.referenceDate, laCode: o.laCode, softwareCode: SOFTWARE_CODE, release: o.release ?? '1.0', serialNo: '001', dateTime: o.generatedAt, dmo: 'N', dco: 'N' };
}

async function eachPerson(query: RunQuery, o: ExportOptions, fn: (p: Sen2Person) => Promise<void>): Promise<ExportSummary> {
  const period = collectionPeriod(o.referenceDate);
  const total = o.onProgress ? await countChildren(query, o.laCode, period.periodEnd) : 0;
  const s: ExportSummary = { persons: 0, requests: 0, namedPlans: 0, activePlans: 0, childrenRead: 0 };
  for await (const batch of childHistories(query, o.laCode, period.periodEnd)) {
    for (const child of batch) {
      const person = sen2PersonOf(child, period);
      if (!person) continue;
      s.persons += 1;
      s.requests += person.requests.length;
      s.namedPlans += person.requests.filter((r) => r.assessment?.namedPlan).length;
      s.activePlans += person.requests.filter((r) => r.activePlan).length;
      o.onPerson?.(person);
      await fn(person);
    }
    s.childrenRead += batch.length;
    o.onProgress?.(s.childrenRead, total);
  }
  return s;
}

export async function exportSen2Xml(query: RunQuery, o: ExportOptions, write: (chunk: string) => Promise<void>): Promise<ExportSummary> {
  await write(sen2XmlOpening(sen2Header(o)));
  // Batching writes into ~64 KB chunks keeps the per-write cost small without holding much.
  let pending = '';
  const summary = await eachPerson(query, o, async (p) => {
    pending += sen2PersonXml(p);
    if (pending.length >= 65_536) { await write(pending); pending = ''; }
  });
  await write(pending + SEN2_XML_CLOSING);
  return summary;
}

export async function exportSen2Csv(query: RunQuery, o: ExportOptions, writers: Record<CsvModule, (chunk: string) => Promise<void>>): Promise<ExportSummary> {
  for (const m of CSV_MODULES) await writers[m](csvHeader(m));
  await writers.sen2(headerCsvRow(sen2Header(o)));
  const counters = newCsvCounters();
  return eachPerson(query, o, async (p) => {
    const rows = personCsvRows(p, counters);
    for (const m of CSV_MODULES) { const r = rows[m]; if (r) await writers[m](r); }
  });
}
