import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from '../domain/evidence-pack.ts';
import { buildInclusionPlan } from '../domain/inclusion-plan.ts';
import { allTables } from '../domain/planning-document.ts';
import { sampleFacts } from '../domain/sample-facts.fixture.ts';
import { renderPdf } from './pdf-writer.ts';

/**
 * A minimal reader of the PDF's object table: pdfkit writes objects uncompressed (only page content
 * streams are compressed), so the catalog, the info dictionary and the structure elements can be
 * checked without a PDF library.
 */
class PdfObjects {
  constructor(private text: string) {}
  object(ref: string): string {
    const m = new RegExp(`(?:^|\\n)${ref} 0 obj\\s*([\\s\\S]*?)endobj`).exec(this.text);
    if (!m) throw new Error(`no object ${ref}`);
    return m[1]!;
  }
  /** The value of `/Key` in a dictionary, following an indirect reference. */
  value(dict: string, key: string): string {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R|/${key}\\s+(\\([^)]*\\)|/\\w+|true|false|<<[\\s\\S]*?>>)`).exec(dict);
    if (!m) throw new Error(`no /${key}`);
    return m[1] ? this.object(m[1]).trim() : m[2]!;
  }
  get catalog(): string {
    const root = /\/Root (\d+) 0 R/.exec(this.text)![1]!;
    return this.object(root);
  }
  get info(): string {
    const info = /\/Info (\d+) 0 R/.exec(this.text)![1]!;
    return this.object(info);
  }
  structTypes(): string[] {
    return [...this.text.matchAll(/<<\s*\/S \/(\w+)\s/g)].map((m) => m[1]!);
  }
}

describe('the planning PDFs', () => {
  it('is a tagged PDF with its language, title and a structure of headings, paragraphs and tables', async () => {
    const doc = buildInclusionPlan(sampleFacts());
    const bytes = await renderPdf(doc);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = new PdfObjects(bytes.toString('latin1'));
    expect(pdf.catalog).toContain('/StructTreeRoot');
    expect(pdf.value(pdf.catalog, 'MarkInfo')).toMatch(/\/Marked true/);
    expect(pdf.value(pdf.catalog, 'Lang')).toBe('(en-GB)');
    expect(pdf.value(pdf.catalog, 'ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.value(pdf.info, 'Title')).toBe('(Local inclusion plan: Barnsley)');
    const types = pdf.structTypes();
    expect(types.filter((t) => t === 'H1')).toHaveLength(1);
    expect(types.filter((t) => t === 'H2')).toHaveLength(doc.sections.length);
    expect(types.filter((t) => t === 'Table')).toHaveLength(allTables(doc).length);
    expect(types.filter((t) => t === 'Caption')).toHaveLength(allTables(doc).length);
    expect(types).toEqual(expect.arrayContaining(['Document', 'Sect', 'P', 'THead', 'TBody', 'TR', 'TH', 'TD']));
    // Column headings and row headings say which they head.
    expect(bytes.toString('latin1')).toMatch(/\/S \/TH\s*\/A <<\s*\/O \/Table\s*\/Scope \/Column/);
    expect(bytes.toString('latin1')).toMatch(/\/S \/TH\s*\/A <<\s*\/O \/Table\s*\/Scope \/Row/);
  });

  it('writes the evidence pack, long enough to run over several pages', async () => {
    const doc = buildEvidencePack(sampleFacts());
    const started = performance.now();
    const bytes = await renderPdf(doc);
    const ms = performance.now() - started;
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(text)![1])).toBeGreaterThan(1);
    expect(new PdfObjects(text).value(new PdfObjects(text).info, 'Title')).toBe('(Area SEND inspection evidence pack: Barnsley)');
    expect(ms).toBeLessThan(10_000); // a timeout on a loaded machine, not a performance target
  });
});
