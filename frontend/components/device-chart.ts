import { css, html, LitElement, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
// uPlot styles its legend, axes and cursor with this sheet; the chart lives in the shadow root, so it goes there too.
import uplotStyles from 'uplot/dist/uPlot.min.css?inline';

/**
 * One numeric series of a device over time, drawn with uPlot. The server sets `points` ([[unix seconds, value], ...],
 * oldest first) and calls `appendPoint` for each new reading; the chart follows its own width.
 */
@customElement('device-chart')
export class DeviceChart extends LitElement {
  static styles = [
    unsafeCSS(uplotStyles),
    css`
      :host {
        display: block;
        width: 100%;
        min-width: 0;
      }
      .chart {
        width: 100%;
      }
      .empty {
        color: var(--lumo-secondary-text-color);
        padding: var(--lumo-space-m) 0;
      }
      .u-legend {
        font-size: var(--lumo-font-size-s);
      }
    `,
  ];

  /** [[unix seconds, value], ...], oldest first. */
  @property({ type: Array }) points: [number, number][] = [];

  /** The series' name in the legend, with its unit. */
  @property() label = '';

  /** What to show when there are no points. */
  @property({ attribute: 'empty-text' }) emptyText = '';

  /** The chart's height in CSS pixels. */
  @property({ type: Number }) height = 240;

  private plot?: uPlot;
  private xs: number[] = [];
  private ys: number[] = [];
  private resizeObserver?: ResizeObserver;

  render() {
    return html`<div class="chart" part="chart"></div>
      <div class="empty" ?hidden=${this.points.length > 0}>${this.emptyText}</div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.plot?.setSize({ width: this.chartWidth(), height: this.height }));
    this.resizeObserver.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('label') || changed.has('height') || !this.plot) {
      this.create();
    } else if (changed.has('points')) {
      this.copyPoints();
      this.plot.setData([this.xs, this.ys]);
    }
  }

  /** Adds one reading at the end (or in its place, when it is older than the last one). */
  appendPoint(time: number, value: number) {
    let at = this.xs.length;
    while (at > 0 && this.xs[at - 1] > time) {
      at--;
    }
    if (at > 0 && this.xs[at - 1] === time) {
      this.ys[at - 1] = value;
    } else {
      this.xs.splice(at, 0, time);
      this.ys.splice(at, 0, value);
    }
    // Keep the property in step, so that a later render shows the reading and hides the empty text.
    this.points = this.xs.map((x, i) => [x, this.ys[i]]);
  }

  private copyPoints() {
    this.xs = this.points.map((point) => point[0]);
    this.ys = this.points.map((point) => point[1]);
  }

  private create() {
    const target = this.renderRoot.querySelector('.chart') as HTMLElement | null;
    if (!target) {
      return;
    }
    this.plot?.destroy();
    this.copyPoints();
    const style = getComputedStyle(this);
    const line = style.getPropertyValue('--lumo-primary-color').trim() || '#1676f3';
    const text = style.getPropertyValue('--lumo-secondary-text-color').trim() || '#666';
    const grid = style.getPropertyValue('--lumo-contrast-10pct').trim() || '#eee';
    const axis = { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } };
    this.plot = new uPlot(
      {
        width: this.chartWidth(),
        height: this.height,
        series: [{}, { label: this.label, stroke: line, width: 2, points: { show: false }, spanGaps: false }],
        axes: [axis, { ...axis, size: 56 }],
        scales: { x: { time: true } },
        cursor: { drag: { x: false, y: false } },
      },
      [this.xs, this.ys],
      target,
    );
  }

  private chartWidth() {
    return Math.max(200, Math.floor(this.getBoundingClientRect().width));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'device-chart': DeviceChart;
  }
}
