import type { IndicatorUnit } from './indicator-catalogue.ts';
/**
 * Bar charts as plain SVG, rendered on the server so they work without JavaScript. Each chart is
 * an image with a title and a description that states the figures in words; the page always puts
 * the same figures in a table beside it, because a chart alone is not accessible to everyone.
 */
export interface ChartBar {
  label: string;
  value: number | null;
}

export interface ChartOptions {
  id: string;
  title: string;
  unit: IndicatorUnit;
  width?: number;
  height?: number;
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function formatFigure(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return 'not available';
  if (unit === 'per-100') return `${value.toFixed(1)} per 100`;
  return unit === 'percent' ? `${value.toFixed(1)}%` : value.toLocaleString('en-GB');
}

export function describeBars(bars: readonly ChartBar[], unit: IndicatorUnit): string {
  if (bars.length === 0) return 'No figures yet.';
  return bars.map((b) => `${b.label}: ${formatFigure(b.value, unit)}`).join('; ') + '.';
}

export function barChartSvg(bars: readonly ChartBar[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  // Room for the widest axis label ("100.0 per 100" is wider than "100.0%").
  const left = options.unit === 'per-100' ? 96 : 56, bottom = 40, top = 12, right = 8;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = Math.max(options.unit === 'percent' ? 100 : 1, ...bars.map((b) => b.value ?? 0));
  const step = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.max(2, step * 0.7);
  // Label every bar when there is room; otherwise every nth, so labels never overlap.
  const every = Math.max(1, Math.ceil(bars.length / Math.floor(plotW / 64)));
  const ticks = [0, 0.5, 1].map((f) => {
    const y = top + plotH - f * plotH;
    return `<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="12" font-family="Arial, sans-serif" fill="#0b0c0c">${escapeXml(formatFigure(Math.round(max * f * 10) / 10, options.unit))}</text>`;
  });
  const rects = bars.map((b, i) => {
    const x = left + i * step + (step - barW) / 2;
    const h = b.value === null ? 0 : (b.value / max) * plotH;
    const label = i % every === 0 ? `<text x="${x + barW / 2}" y="${height - bottom + 16}" text-anchor="middle" font-size="12" font-family="Arial, sans-serif" fill="#0b0c0c">${escapeXml(b.label)}</text>` : '';
    return `<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="#1d70b8"/>${label}`;
  });
  const titleId = `${options.id}-title`, descId = `${options.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(describeBars(bars, options.unit))}</desc>` +
    ticks.join('') + rects.join('') + '</svg>'
  );
}
