/**
 * One document model for both published documents (the local inclusion plan and the area
 * inspection evidence pack). The HTML page and the tagged PDF are two renderings of the same
 * sections and blocks, so they can never say different things. Every value in a block is already
 * worded and formatted (and small numbers already suppressed): the renderers only lay it out.
 */
export type DocumentKind = 'inclusion-plan' | 'evidence-pack';

export interface TableBlock {
  kind: 'table';
  caption: string;
  /** Column headings; the first column holds each row's heading. */
  head: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Columns holding numbers are right-aligned (GOV.UK numeric cells). */
  numeric: readonly boolean[];
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  /** Who wrote the partnership's words above it, and when. */
  | { kind: 'attribution'; text: string }
  /** Something the reader must not miss, such as figures not yet available. */
  | { kind: 'notice'; text: string }
  | TableBlock;

export interface DocumentSection {
  id: string;
  heading: string;
  blocks: Block[];
  subsections: DocumentSection[];
}

export interface PlanningDocument {
  kind: DocumentKind;
  title: string;
  councilName: string;
  laCode: string;
  /** ISO date the document was generated. */
  generatedOn: string;
  /** Shown under the title: what the document is and where its figures come from. */
  summary: string[];
  sections: DocumentSection[];
}

export const section = (id: string, heading: string, blocks: Block[], subsections: DocumentSection[] = []): DocumentSection => ({ id, heading, blocks, subsections });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const notice = (text: string): Block => ({ kind: 'notice', text });
export const table = (caption: string, head: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric?: readonly boolean[]): TableBlock => ({
  kind: 'table', caption, head, rows, numeric: numeric ?? head.map((_, i) => i > 0),
});

/** Every table of a document, depth first: tests and the PDF's table count read this. */
export function allTables(doc: PlanningDocument): TableBlock[] {
  const out: TableBlock[] = [];
  const walk = (s: DocumentSection): void => {
    for (const b of s.blocks) if (b.kind === 'table') out.push(b);
    s.subsections.forEach(walk);
  };
  doc.sections.forEach(walk);
  return out;
}
