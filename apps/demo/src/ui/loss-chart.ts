// The live training-loss chart: one SVG polyline over steps, y from the lowest to the highest
// loss seen, redrawn on every step (a few hundred points at most).

const width = 400;
const height = 160;
const margin = 28;

export function drawLossChart(svg: SVGSVGElement, losses: readonly number[]): void {
  const ns = 'http://www.w3.org/2000/svg';
  const low = losses.reduce((least, loss) => Math.min(least, loss), Infinity);
  const high = losses.reduce((most, loss) => Math.max(most, loss), -Infinity);
  const span = high - low || 1;
  const x = (index: number) =>
    margin + ((width - 2 * margin) * index) / Math.max(1, losses.length - 1);
  const y = (loss: number) => height - margin - ((height - 2 * margin) * (loss - low)) / span;
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', losses.map((loss, index) => `${x(index)},${y(loss)}`).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('stroke-width', '2');
  const label = (text: string, atX: number, atY: number) => {
    const node = document.createElementNS(ns, 'text');
    node.setAttribute('x', String(atX));
    node.setAttribute('y', String(atY));
    node.setAttribute('font-size', '10');
    node.setAttribute('fill', 'currentColor');
    node.textContent = text;
    return node;
  };
  svg.replaceChildren(
    line,
    label(high.toFixed(3), 0, margin),
    label(low.toFixed(3), 0, height - margin),
    label(`step ${losses.length}`, width - margin - 30, height - 8),
  );
}
