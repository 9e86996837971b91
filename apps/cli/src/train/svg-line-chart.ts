// A small SVG line chart for training curves (train loss and dev loss against the step): axes
// with "nice" ticks, one polyline per series (a dot where a series has a single point), and a
// legend. Plain SVG 1.1 text, no fonts or scripts, so it renders in any browser or viewer.

export interface ChartSeries {
  name: string;
  /** [x, y] points; non-finite values are skipped. */
  points: readonly (readonly [number, number])[];
  color: string;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

/** About `count` round tick values covering [low, high] (steps of 1, 2 or 5 x 10^k). */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function label(value: number): string {
  return Math.abs(value) >= 1000 || Number.isInteger(value) ? String(value) : value.toPrecision(3);
}

/** [min, max] of a non-empty list, by a loop: a long run has more points than a call takes arguments. */
function extent(values: readonly number[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

/** Renders the series as one SVG document. */
export function lineChartSvg(series: readonly ChartSeries[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const margin = { left: 64, right: 24, top: 40, bottom: 52 };
  const clean = series.map((s) => ({
    ...s,
    points: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)),
  }));
  const all = clean.flatMap((s) => s.points);
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  let [x0, x1] = all.length ? extent(xs) : [0, 1];
  let [y0, y1] = all.length ? extent(ys) : [0, 1];
  if (x1 === x0) [x0, x1] = [x0 - 1, x1 + 1];
  if (y1 === y0) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.05;
  [y0, y1] = [y0 - pad, y1 + pad];
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const px = (x: number) => margin.left + ((x - x0) / (x1 - x0)) * plotW;
  const py = (y: number) => margin.top + (1 - (y - y0) / (y1 - y0)) * plotH;
  const f = (v: number) => v.toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    // The accessible name of the chart (screen readers, and biome's a11y lint on committed SVGs).
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`,
  ];
  for (const t of niceTicks(x0, x1)) {
    out.push(
      `<line x1="${f(px(t))}" y1="${margin.top}" x2="${f(px(t))}" y2="${margin.top + plotH}" stroke="#eee"/>`,
      `<text x="${f(px(t))}" y="${margin.top + plotH + 16}" text-anchor="middle">${label(t)}</text>`,
    );
  }
  for (const t of niceTicks(y0, y1)) {
    out.push(
      `<line x1="${margin.left}" y1="${f(py(t))}" x2="${margin.left + plotW}" y2="${f(py(t))}" stroke="#eee"/>`,
      `<text x="${margin.left - 6}" y="${f(py(t) + 4)}" text-anchor="end">${label(t)}</text>`,
    );
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text x="16" y="${margin.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${margin.top + plotH / 2})">${escapeXml(options.yLabel)}</text>`,
  );
  clean.forEach((s, index) => {
    const name = escapeXml(s.name);
    if (s.points.length === 1) {
      const [x, y] = s.points[0]!;
      out.push(
        `<circle class="series" data-name="${name}" cx="${f(px(x))}" cy="${f(py(y))}" r="3" fill="${s.color}"/>`,
      );
    } else if (s.points.length > 1) {
      const path = s.points.map(([x, y]) => `${f(px(x))},${f(py(y))}`).join(' ');
      out.push(
        `<polyline class="series" data-name="${name}" points="${path}" fill="none" stroke="${s.color}" stroke-width="1.5"/>`,
      );
    }
    const ly = margin.top + 14 + index * 16;
    const lx = margin.left + plotW - 110;
    out.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"/>`,
      `<text x="${lx + 24}" y="${ly}">${name} (${s.points.length})</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
