/**
 * Charts as plain SVG drawn on the server, so they work without JavaScript. Each is an image with a
 * title and a description stating the figures in words, and every page puts the same figures in
 * a table beside it. Series differ by dash pattern and marker as well as colour, so colour is
 * never the only way to tell them apart. (Insight's bar chart helper is not exported, and these
 * need negative values and several series.)
 */
const esc = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const FONT = 'font-size="12" font-family="Arial, sans-serif" fill="#0b0c0c"';
const COLOURS = ['#0b0c0c', '#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92'];
const DASHES = ['', '6 3', '2 3', '10 4 2 4', '1 2', '8 2'];

export type Unit = 'millions' | 'count';
export const formatValue = (v: number, unit: Unit): string =>
  unit === 'millions' ? `${v < 0 ? '−' : ''}£${Math.abs(v / 100 / 1_000_000).toFixed(1)}m` : Math.round(v).toLocaleString('en-GB');

export interface Series { name: string; points: Array<{ x: string; y: number }> }

function scale(values: number[]): { min: number; max: number } {
  const min = Math.min(0, ...values), max = Math.max(0, ...values);
  return max === min ? { min, max: min + 1 } : { min, max };
}

export function lineChartSvg(series: readonly Series[], o: { id: string; title: string; unit: Unit; width?: number; height?: number }): string {
  const width = o.width ?? 640, height = o.height ?? 260, left = 72, right = 12, top = 12, bottom = 36;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const { min, max } = scale(series.flatMap((s) => s.points.map((p) => p.y)));
  const plotW = width - left - right, plotH = height - top - bottom;
  const X = (x: string) => left + (xs.length > 1 ? (xs.indexOf(x) / (xs.length - 1)) * plotW : plotW / 2);
  const Y = (y: number) => top + plotH - ((y - min) / (max - min)) * plotH;
  const ticks = [min, (min + max) / 2, max, 0].filter((v, i, a) => a.indexOf(v) === i).map((v) =>
    `<line x1="${left}" x2="${width - right}" y1="${Y(v).toFixed(1)}" y2="${Y(v).toFixed(1)}" stroke="${v === 0 ? '#0b0c0c' : '#b1b4b6'}" stroke-width="1"/><text x="${left - 6}" y="${(Y(v) + 4).toFixed(1)}" text-anchor="end" ${FONT}>${esc(formatValue(v, o.unit))}</text>`);
  const every = Math.max(1, Math.ceil(xs.length / Math.floor(plotW / 56)));
  const labels = xs.map((x, i) => (i % every === 0 ? `<text x="${X(x).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" ${FONT}>${esc(x)}</text>` : ''));
  const lines = series.map((s, i) => {
    const pts = s.points.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ');
    const marks = s.points.map((p) => `<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="${2 + (i % 3)}" fill="${COLOURS[i % COLOURS.length]}"/>`).join('');
    return `<polyline points="${pts}" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2" stroke-dasharray="${DASHES[i % DASHES.length]}"/>${marks}`;
  });
  const desc = series.map((s) => `${s.name}: ${s.points.map((p) => `${p.x} ${formatValue(p.y, o.unit)}`).join(', ')}`).join('. ') + '.';
  return svg(o.id, o.title, desc, width, height, ticks.join('') + labels.join('') + lines.join(''));
}

/** Pairs of horizontal bars (for example budget and outturn) for each label. */
export function pairedBarsSvg(rows: ReadonlyArray<{ label: string; a: number; b: number }>, o: { id: string; title: string; aName: string; bName: string; unit: Unit }): string {
  const width = 760, labelW = 330, right = 70, rowH = 30, top = 8;
  const height = top + rows.length * rowH + 8;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const W = (v: number) => (Math.max(0, v) / max) * (width - labelW - right);
  const bars = rows.map((r, i) => {
    const y = top + i * rowH;
    return `<text x="${labelW - 6}" y="${y + 17}" text-anchor="end" ${FONT}>${esc(r.label)}</text>` +
      `<rect x="${labelW}" y="${y + 2}" width="${W(r.a).toFixed(1)}" height="11" fill="#b1b4b6"/><text x="${(labelW + W(r.a) + 4).toFixed(1)}" y="${y + 12}" ${FONT}>${esc(formatValue(r.a, o.unit))}</text>` +
      `<rect x="${labelW}" y="${y + 15}" width="${W(r.b).toFixed(1)}" height="11" fill="#1d70b8"/><text x="${(labelW + W(r.b) + 4).toFixed(1)}" y="${y + 25}" ${FONT}>${esc(formatValue(r.b, o.unit))}</text>`;
  });
  const desc = rows.map((r) => `${r.label}: ${o.aName} ${formatValue(r.a, o.unit)}, ${o.bName} ${formatValue(r.b, o.unit)}`).join('; ') + '.';
  return svg(o.id, o.title, desc, width, height, bars.join(''));
}

function svg(id: string, title: string, desc: string, width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>${body}</svg>`;
}

/** The key under a line chart: the series' names with their line style, in words. */
export function chartKey(series: readonly Series[]): Array<{ name: string; style: string }> {
  const styles = ['solid black line', 'dashed blue line', 'dotted red line', 'dash-dot green line', 'fine-dotted orange line', 'long-dashed purple line'];
  return series.map((s, i) => ({ name: s.name, style: styles[i % styles.length]! }));
}
