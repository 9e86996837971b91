// The loss curve of a pretraining run as JSON Lines (one LossPoint per line) and as a small
// self-contained SVG chart: training loss per step (thin line) and held-out loss (dots), against
// the step, with the loss axis from 0 to the largest loss seen.
import type { LossPoint } from './pretrain';

/** One JSON object per line, newline-terminated. */
export function lossCurveJsonl(points: readonly LossPoint[]): string {
  return points.map((point) => `${JSON.stringify(point)}\n`).join('');
}

/** Parses lossCurveJsonl's output (blank lines ignored). */
export function parseLossCurveJsonl(text: string): LossPoint[] {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LossPoint);
}

export interface LossCurveSvgOptions {
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An SVG line chart of the curve (an empty chart with its axes when there are no points). */
export function lossCurveSvg(
  points: readonly LossPoint[],
  options: LossCurveSvgOptions = {},
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const margin = { left: 52, right: 16, top: 32, bottom: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const maxStep = points.reduce((most, p) => Math.max(most, p.step), 1);
  const maxLoss = points.reduce((most, p) => Math.max(most, p.loss, p.evalLoss ?? 0), 1e-9);
  const x = (step: number) => (margin.left + (step / maxStep) * plotW).toFixed(1);
  const y = (loss: number) => (margin.top + plotH - (loss / maxLoss) * plotH).toFixed(1);
  const train = points.map((p) => `${x(p.step)},${y(p.loss)}`).join(' ');
  const held = points
    .filter((p) => p.evalLoss !== undefined)
    .map((p) => `<circle cx="${x(p.step)}" cy="${y(p.evalLoss!)}" r="3" fill="#d62728"/>`)
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const loss = maxLoss * f;
      return `<text x="${margin.left - 6}" y="${y(loss)}" text-anchor="end" font-size="11" dominant-baseline="middle">${loss.toFixed(2)}</text><line x1="${margin.left}" x2="${width - margin.right}" y1="${y(loss)}" y2="${y(loss)}" stroke="#eee"/>`;
    })
    .join('');
  const title = escapeXml(options.title ?? 'Pretraining loss');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14">${title}</text>`,
    ticks,
    `<line x1="${margin.left}" y1="${margin.top + plotH}" x2="${width - margin.right}" y2="${margin.top + plotH}" stroke="black"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotH}" stroke="black"/>`,
    `<text x="${width - margin.right}" y="${height - 8}" text-anchor="end" font-size="11">step ${maxStep}</text>`,
    `<text x="${margin.left}" y="${height - 8}" font-size="11">0</text>`,
    points.length > 0
      ? `<polyline fill="none" stroke="#1f77b4" stroke-width="1" points="${train}"/>`
      : '',
    held,
    `<text x="${margin.left + 8}" y="${margin.top + 12}" font-size="11" fill="#1f77b4">train loss</text>`,
    `<text x="${margin.left + 8}" y="${margin.top + 26}" font-size="11" fill="#d62728">held-out loss</text>`,
    '</svg>\n',
  ].join('');
}
