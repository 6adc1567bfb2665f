/**
 * The partnership's advice on time by quarter as a plain SVG bar chart, drawn on the server so it
 * works without JavaScript. insight's chart helper is internal to that module, so this follows its
 * pattern: an image with a title and a description stating every figure in words, and the page puts
 * the same figures in a table beside it.
 */
export interface TrendBar { label: string; percent: number | null; detail: string }

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function describeTrend(bars: readonly TrendBar[]): string {
  if (bars.length === 0) return 'No figures yet.';
  return bars.map((b) => `${b.label}: ${b.percent === null ? 'no advice due' : `${b.percent.toFixed(1)}% (${b.detail})`}`).join('; ') + '.';
}

export function trendChartSvg(bars: readonly TrendBar[], options: { id: string; title: string; width?: number; height?: number }): string {
  const width = options.width ?? 640, height = options.height ?? 220;
  const left = 48, bottom = 40, top = 12, right = 8;
  const plotW = width - left - right, plotH = height - top - bottom;
  const step = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.max(2, step * 0.6);
  const grid = [0, 50, 100].map((p) => {
    const y = top + plotH - (p / 100) * plotH;
    return `<line x1="${left}" x2="${width - right}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="12" font-family="Arial, sans-serif" fill="#0b0c0c">${p}%</text>`;
  });
  const rects = bars.map((b, i) => {
    const x = left + i * step + (step - barW) / 2;
    const h = b.percent === null ? 0 : (b.percent / 100) * plotH;
    return `<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="#1d70b8"/>` +
      `<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="12" font-family="Arial, sans-serif" fill="#0b0c0c">${escapeXml(b.label)}</text>`;
  });
  const titleId = `${options.id}-title`, descId = `${options.id}-desc`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(describeTrend(bars))}</desc>` + grid.join('') + rects.join('') + '</svg>';
}
