import PDFDocument from 'pdfkit';
import type { Block, DocumentSection, PlanningDocument, TableBlock } from '../domain/planning-document.ts';
import { longDate } from '../domain/wording.ts';

/**
 * The PDF rendering of a planning document, made on the server with pdfkit as a tagged PDF
 * (/MarkInfo /Marked true): document language en-GB, the title shown in the window title bar, and a
 * structure tree (H1–H4, P, L/LI/LBody, Table/TR/TH/TD with header scope) in reading order, so a
 * screen reader can navigate it as it does the HTML page. Repeated table headings on a new page are
 * marked as artifacts so they are not read twice. Standard Helvetica keeps the file small.
 */
const MARGIN = 56;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TEXT = '#0b0c0c';
const SECONDARY = '#505a5f';
const CELL_PAD = 4;

type Pdf = InstanceType<typeof PDFDocument>;

/**
 * The standard PDF fonts use WinAnsi encoding, which has curly quotes, dashes, bullets and £ but no
 * minus sign (U+2212) or non-breaking hyphen: those are written as a hyphen so nothing is lost.
 */
export const winAnsi = (text: string): string => text.replace(/[\u2212\u2011]/g, '-');
type Struct = ReturnType<Pdf['struct']>;

export function renderPdf(doc: PlanningDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: doc.title, Author: doc.councilName, Subject: doc.summary[0] ?? doc.title, Creator: 'OpenSEND', Keywords: 'SEND; local area partnership' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const w = new Writer(pdf);
  w.heading(root, 'H1', doc.title, 20);
  for (const s of doc.summary) w.paragraph(root, s);
  w.paragraph(root, `Generated on ${longDate(doc.generatedOn)}.`, SECONDARY);
  for (const s of doc.sections) w.section(root, s, 2);
  root.end();
  pdf.end();
  return finished;
}

class Writer {
  constructor(private pdf: Pdf) {}

  private get width(): number {
    return this.pdf.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.pdf.page.height - MARGIN;
  }

  /** Starts a new page when fewer than `needed` points are left (headings keep to their text). */
  private room(needed: number): void {
    if (this.pdf.y + needed > this.bottom) this.pdf.addPage();
  }

  private add(parent: Struct, type: string, draw: () => void): void {
    parent.add(this.pdf.struct(type, {}, draw));
  }

  heading(parent: Struct, type: 'H1' | 'H2' | 'H3' | 'H4', text: string, size: number): void {
    this.room(size * 4);
    this.add(parent, type, () => {
      this.pdf.font(BOLD).fontSize(size).fillColor(TEXT).text(winAnsi(text), MARGIN, this.pdf.y, { width: this.width });
    });
    this.pdf.moveDown(0.4);
  }

  paragraph(parent: Struct, text: string, colour = TEXT, font = FONT): void {
    this.room(24);
    this.add(parent, 'P', () => {
      this.pdf.font(font).fontSize(11).fillColor(colour).text(winAnsi(text), MARGIN, this.pdf.y, { width: this.width, lineGap: 2 });
    });
    this.pdf.moveDown(0.6);
  }

  section(parent: Struct, s: DocumentSection, level: number): void {
    const sect = this.pdf.struct('Sect');
    parent.add(sect);
    const type = (['H2', 'H3', 'H4'] as const)[Math.min(level, 4) - 2]!;
    this.heading(sect, type, s.heading, level === 2 ? 16 : level === 3 ? 13 : 12);
    for (const b of s.blocks) this.block(sect, b);
    for (const sub of s.subsections) this.section(sect, sub, level + 1);
    sect.end();
  }

  block(parent: Struct, b: Block): void {
    switch (b.kind) {
      case 'paragraph': return this.paragraph(parent, b.text);
      case 'attribution': return this.paragraph(parent, b.text, SECONDARY);
      case 'notice': return this.paragraph(parent, b.text, TEXT, BOLD);
      case 'list': {
        const list = this.pdf.struct('L');
        parent.add(list);
        for (const item of b.items) {
          const li = this.pdf.struct('LI');
          list.add(li);
          this.room(16);
          this.add(li, 'LBody', () => {
            this.pdf.font(FONT).fontSize(11).fillColor(TEXT).text(winAnsi(`•  ${item}`), MARGIN + 8, this.pdf.y, { width: this.width - 8 });
          });
          li.end();
        }
        list.end();
        this.pdf.moveDown(0.6);
        return;
      }
      case 'table': return this.table(parent, b);
    }
  }

  /** Column widths in proportion to their longest text, within limits, filling the page width. */
  private columnWidths(t: TableBlock): number[] {
    const weights = t.head.map((h, i) => Math.min(60, Math.max(10, h.length, ...t.rows.map((r) => (r[i] ?? '').length))));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((wt) => (wt / total) * this.width);
  }

  private rowHeight(cells: readonly string[], widths: number[], font: string): number {
    this.pdf.font(font).fontSize(10);
    return Math.max(...cells.map((c, i) => this.pdf.heightOfString(winAnsi(c) || ' ', { width: widths[i]! - CELL_PAD * 2 }))) + CELL_PAD * 2;
  }

  private drawRow(parent: Struct | undefined, cells: readonly string[], widths: number[], t: TableBlock, header: boolean): void {
    const font = header ? BOLD : FONT;
    const height = this.rowHeight(cells, widths, font);
    const top = this.pdf.y;
    let x = MARGIN;
    const tr = parent ? this.pdf.struct('TR') : undefined;
    if (parent && tr) parent.add(tr);
    cells.forEach((c, i) => {
      const draw = (): void => {
        this.pdf.font(i === 0 || header ? BOLD : FONT).fontSize(10).fillColor(TEXT)
          .text(winAnsi(c), x + CELL_PAD, top + CELL_PAD, { width: widths[i]! - CELL_PAD * 2, align: t.numeric[i] && !header ? 'right' : 'left' });
      };
      if (tr) {
        // Column headings head their column; each row's first cell heads its row.
        const th = header || i === 0;
        tr.add(this.pdf.struct(th ? 'TH' : 'TD', th ? { scope: header ? 'Column' : 'Row' } as never : {}, draw));
      } else {
        this.pdf.markContent('Artifact', { type: 'Pagination' });
        draw();
        this.pdf.endMarkedContent();
      }
      x += widths[i]!;
    });
    tr?.end();
    this.pdf.markContent('Artifact', { type: 'Layout' });
    this.pdf.moveTo(MARGIN, top + height).lineTo(MARGIN + this.width, top + height).lineWidth(header ? 1 : 0.5).strokeColor('#b1b4b6').stroke();
    this.pdf.endMarkedContent();
    this.pdf.y = top + height;
  }

  table(parent: Struct, t: TableBlock): void {
    const widths = this.columnWidths(t);
    const headHeight = this.rowHeight(t.head, widths, BOLD);
    this.room(headHeight * 2 + 30);
    const table = this.pdf.struct('Table');
    parent.add(table);
    this.add(table, 'Caption', () => {
      this.pdf.font(BOLD).fontSize(11).fillColor(TEXT).text(winAnsi(t.caption), MARGIN, this.pdf.y, { width: this.width });
    });
    this.pdf.moveDown(0.3);
    const thead = this.pdf.struct('THead');
    table.add(thead);
    this.drawRow(thead, t.head, widths, t, true);
    thead.end();
    const tbody = this.pdf.struct('TBody');
    table.add(tbody);
    for (const r of t.rows) {
      if (this.pdf.y + this.rowHeight(r, widths, FONT) > this.bottom) {
        this.pdf.addPage();
        this.drawRow(undefined, t.head, widths, t, true);
      }
      this.drawRow(tbody, r, widths, t, false);
    }
    tbody.end();
    table.end();
    this.pdf.x = MARGIN;
    this.pdf.moveDown(1);
  }
}
