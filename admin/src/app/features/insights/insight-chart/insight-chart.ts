import { ChangeDetectionStrategy, Component, ElementRef, effect, input, viewChild } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  DoughnutController,
  ArcElement,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the dashboard draws is registered, so the chart library's share of this lazy chunk stays small.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  ArcElement,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

/**
 * A colour of the console's theme as the canvas can use it. The theme's variables hold `light-dark(…)` pairs, which
 * Chart.js cannot parse (it would draw black): the browser resolves them on a probe element to plain rgb().
 */
function themeColour(host: HTMLElement, variable: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable}, ${fallback})`;
  probe.style.display = 'none';
  host.appendChild(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}

export interface InsightChartData {
  type: 'bar' | 'doughnut' | 'spend-leads';
  labels: string[];
  /** For `spend-leads`: spend first, leads second. */
  series: { label: string; values: number[] }[];
}

/**
 * One canvas chart (Chart.js, loaded with this route only). The canvas is hidden from screen readers: every chart on
 * the dashboard has a table or summary beside it that says the same, which `label` names.
 */
@Component({
  selector: 'lg-insight-chart',
  template: `<div class="frame" [style.height.px]="height()"><canvas #canvas aria-hidden="true"></canvas></div>`,
  styles: `
    .frame {
      position: relative;
      width: 100%;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InsightChart {
  readonly data = input.required<InsightChartData>();
  readonly height = input(240);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    effect((onCleanup) => {
      const data = this.data();
      const canvas = this.canvas().nativeElement;
      this.chart?.destroy();
      this.chart = new Chart(canvas, this.config(canvas, data));
      onCleanup(() => {
        this.chart?.destroy();
        this.chart = null;
      });
    });
  }

  private config(canvas: HTMLElement, data: InsightChartData): ChartConfiguration {
    const host = canvas.parentElement ?? document.body;
    const primary = themeColour(host, '--mat-sys-primary', '#3f51b5');
    // Leads are drawn in a warm colour of their own: the theme's secondary hues are too close to the spend bars.
    const tertiary = '#d84315';
    const text = themeColour(host, '--mat-sys-on-surface-variant', '#555');
    const palette = [primary, tertiary, '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#ef6c00', '#5d4037', '#9e9e9e'];
    const common = { responsive: true, maintainAspectRatio: false, animation: false as const };
    if (data.type === 'spend-leads') {
      return {
        type: 'bar',
        data: {
          labels: data.labels,
          datasets: [
            { type: 'bar', label: data.series[0].label, data: data.series[0].values, backgroundColor: primary, yAxisID: 'spend', order: 2 },
            {
              type: 'line',
              label: data.series[1].label,
              data: data.series[1].values,
              borderColor: tertiary,
              backgroundColor: tertiary,
              yAxisID: 'leads',
              pointRadius: data.labels.length > 60 ? 0 : 2,
              order: 1,
            },
          ],
        },
        options: {
          ...common,
          interaction: { mode: 'index', intersect: false },
          plugins: { legend: { labels: { color: text } } },
          scales: {
            x: { ticks: { color: text, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
            spend: { position: 'left', beginAtZero: true, ticks: { color: text } },
            leads: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { color: text, precision: 0 } },
          },
        },
      };
    }
    if (data.type === 'doughnut') {
      return {
        type: 'doughnut',
        data: { labels: data.labels, datasets: [{ label: data.series[0].label, data: data.series[0].values, backgroundColor: palette }] },
        options: { ...common, plugins: { legend: { position: 'bottom', labels: { color: text } } } },
      };
    }
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: palette[i % palette.length] })),
      },
      options: {
        ...common,
        indexAxis: 'y',
        plugins: { legend: { display: data.series.length > 1, labels: { color: text } } },
        scales: { x: { beginAtZero: true, ticks: { color: text } }, y: { ticks: { color: text } } },
      },
    };
  }
}
