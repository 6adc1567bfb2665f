import { SaxesParser } from 'saxes';
import { SEN2_STRUCTURE, valueProblem, type ItemSpec } from '../domain/sen2-schema.ts';

/**
 * Reads a SEN2 XML file into a small element tree and checks it against SEN2_STRUCTURE, listing
 * every problem with its line. Entity declarations are refused before parsing: a DOCTYPE is how XML
 * external entities (XXE) and entity expansion ("billion laughs") attacks arrive, and a SEN2 file
 * never needs one. saxes itself never fetches external entities; refusing the DOCTYPE also stops
 * internal entities from being expanded.
 */
export interface XmlNode { name: string; line: number; text: string; children: XmlNode[] }
export interface Sen2Problem { line: number; element: string; message: string }

export class Sen2FileRefused extends Error {
  constructor(readonly problems: Sen2Problem[]) {
    super(`The file is not a valid SEN2 return (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was imported.`);
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

export function parseXmlTree(text: string): { root?: XmlNode; problems: Sen2Problem[] } {
  const problems: Sen2Problem[] = [];
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (declaration) {
    return { problems: [{ line: lineOf(text, declaration.index), element: `<!${declaration[1]!.toUpperCase()}>`,
      message: 'document type and entity declarations are not allowed in a SEN2 file (they are used for external-entity and entity-expansion attacks); the file was refused unread' }] };
  }
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let broken = false;
  parser.on('error', (e) => {
    if (!broken) problems.push({ line: parser.line, element: stack.at(-1)?.name ?? '(document)', message: `the XML is not well formed: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}` });
    broken = true;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, line: parser.line, text: '', children: [] };
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else root ??= node;
    stack.push(node);
  });
  parser.on('text', (t) => { const top = stack.at(-1); if (top) top.text += t; });
  parser.on('cdata', (t) => { const top = stack.at(-1); if (top) top.text += t; });
  parser.on('closetag', () => { stack.pop(); });
  try {
    parser.write(text).close();
  } catch {
    // the error handler has recorded it
  }
  if (broken) return { problems };
  if (!root) return { problems: [{ line: 1, element: '(document)', message: 'the file holds no XML elements' }] };
  return { root, problems };
}

function checkSequence(node: XmlNode, spec: ItemSpec[], problems: Sen2Problem[]): void {
  // Walk the children once against the sequence; an element that is out of place is reported and
  // skipped, so one misplaced item does not make everything after it look wrong.
  const counts = spec.map(() => 0);
  let at = 0;
  for (const child of node.children) {
    const index = spec.findIndex((item, j) => j >= at && item.name === child.name);
    if (index === -1) {
      const known = spec.some((item) => item.name === child.name);
      problems.push({ line: child.line, element: child.name, message: known
        ? `${child.name} is out of order in ${node.name}; the order is ${spec.map((item) => item.name).join(', ')}`
        : `${child.name} is not a SEN2 item of ${node.name}; expected ${spec.map((item) => item.name).join(', ')}` });
      continue;
    }
    at = index;
    counts[index]! += 1;
  }
  spec.forEach((item, i) => {
    const count = counts[i]!;
    if (count < item.min) problems.push({ line: node.line, element: node.name, message: `${item.name} is missing (${node.name} must contain ${item.min === 1 ? 'one' : `at least ${item.min}`})` });
    if (count > item.max) problems.push({ line: node.line, element: node.name, message: `${node.name} contains ${count} ${item.name} elements; at most ${item.max} are allowed` });
  });
}

function check(node: XmlNode, problems: Sen2Problem[]): void {
  const spec = SEN2_STRUCTURE[node.name];
  if (!spec) return;
  if (node.text.trim() !== '') problems.push({ line: node.line, element: node.name, message: `${node.name} holds text ('${node.text.trim().slice(0, 30)}') where only elements are allowed` });
  checkSequence(node, spec, problems);
  for (const child of node.children) {
    const item = spec.find((s) => s.name === child.name);
    if (!item) continue;
    if (item.type === 'complex') { check(child, problems); continue; }
    if (child.children.length > 0) problems.push({ line: child.line, element: child.name, message: `${child.name} holds elements where a value is expected` });
    const problem = valueProblem(child.text.trim(), item.type);
    if (problem) problems.push({ line: child.line, element: child.name, message: `${child.name} ${problem}` });
  }
  if (node.name === 'PlanDetail' || node.name === 'PlacementDetail') {
    const has = (n: string): boolean => node.children.some((c) => c.name === n);
    if (!has('URN') && !has('UKPRN') && !has('SENSetting')) {
      problems.push({ line: node.line, element: node.name, message: `${node.name} names no setting: give a URN, a UKPRN or a SENSetting code` });
    }
  }
}

/** Every structural and value problem in the file, in line order; an empty list means it is valid SEN2. */
export function validateSen2Tree(root: XmlNode): Sen2Problem[] {
  const problems: Sen2Problem[] = [];
  if (root.name !== 'Message') problems.push({ line: root.line, element: root.name, message: `the root element is ${root.name}; a SEN2 file starts with Message` });
  else check(root, problems);
  return problems.sort((a, b) => a.line - b.line);
}
