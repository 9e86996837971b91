import { describe, expect, it } from 'vitest';
import { lineChartSvg, niceTicks } from './svg-line-chart';

describe('lineChartSvg', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(2.31, 2.87)).toEqual([2.4, 2.6, 2.8]);
  });

  it('draws one polyline per series, a dot for a single point, and skips NaN', () => {
    const svg = lineChartSvg(
      [
        {
          name: 'train loss',
          points: [
            [1, 3],
            [2, 2],
            [3, Number.NaN],
            [4, 1],
          ],
          color: '#00f',
        },
        { name: 'dev <loss>', points: [[4, 2.5]], color: '#f00' },
      ],
      { title: 'curve', xLabel: 'step', yLabel: 'loss', width: 200, height: 100 },
    );
    const line = /<polyline class="series" data-name="train loss" points="([^"]+)"/.exec(svg)!;
    const points = line[1]!.split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(3);
    // x grows left to right; SVG y grows downwards, so the lower loss has the larger y.
    expect(points[0]![0]).toBeLessThan(points[2]![0]!);
    expect(points[0]![1]).toBeLessThan(points[2]![1]!);
    expect(svg).toContain('<circle class="series" data-name="dev &lt;loss&gt;"');
    expect(svg).toContain('train loss (3)');
    // The accessible name comes first inside <svg>.
    expect(svg).toMatch(/^<svg [^>]*>\n?<title>curve<\/title>/);
  });
});
