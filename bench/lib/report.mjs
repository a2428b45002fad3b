// The benchmark's results as a Markdown report and as console text.
import { FLOOR_METRICS, METRICS, bestReference, ratio } from './stats.mjs';

function cell(metric, d, best) {
  if (!d) return 'n/a';
  const s = metric.scale ?? 1;
  const f = (v) => (v * s).toFixed(metric.digits);
  const value = d[metric.stat];
  let text = f(value);
  if (metric.range !== false && d.n > 1) text += ` (${f(d.min)}–${f(d.max)})`;
  if (metric.ratio !== false) {
    const r = ratio(value, best);
    if (r != null) text += ` ×${r.toFixed(2)}`;
  }
  return text;
}

/** Rows: metrics; columns: pages. Each cell: figure (min–max) ×ratio to the best reference. */
export function tableRows(result) {
  const pages = result.pages.map((p) => p.id);
  return METRICS.map((metric) => {
    const best = bestReference(result.summary, metric.key, metric.stat);
    const unit = metric.unit ? ` (${metric.unit})` : '';
    return [`${metric.label}${unit}`, ...pages.map((id) => cell(metric, result.summary[id].metrics[metric.key], best))];
  });
}

/** The probe's floor: per mode, the page that does nothing's click p50 and p95 (ms). */
export function floorRows(result) {
  const floor = Object.values(result.summary).find((p) => p.floor);
  const f = (v) => (v == null ? 'n/a' : v.toFixed(1));
  return FLOOR_METRICS.map(({ key, label }) => {
    const d = floor?.metrics[key];
    return [label, f(d?.p50), f(d?.p95), String(d?.n ?? 0)];
  });
}

/** A Markdown table; `align` per column: 'l' or 'r' (default: first left, the rest right). */
const mdTable = (head, rows, align = head.map((_, i) => (i === 0 ? 'l' : 'r'))) =>
  [`| ${head.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function renderMarkdown(result) {
  const { env, settings, budgets, failures } = result;
  const head = ['Metric', ...result.pages.map((p) => p.name)];
  const lines = [
    `# Benchmark: Binjiang Map against Leaflet, MapLibre and OpenLayers${settings.short ? ' (short mode: proves the benchmark works, figures are not representative)' : ''}`,
    '',
    `${env.date.slice(0, 16).replace('T', ' ')} UTC · ${env.cpu} · ${env.memory} · ${env.os} · Chromium ${env.chromium} (headless, --disable-gpu) · Node ${env.node} · commit ${env.commit} · load average ${env.loadAtStart} at the start, ${env.loadAtEnd} at the end (other work shares the machine)`,
    '',
    `${settings.runs} runs in alternating order, CPU throttled ×${settings.throttle} unless marked otherwise, viewport ${settings.viewport.width}×${settings.viewport.height}; ${settings.clicks} timed clicks per run and mode; ${settings.cycles} open/close cycles per run; ${settings.seconds} s in all. ` +
      'Each cell: median over runs (min–max), then ×ratio to the best reference (lower is better); click p95s are over all clicks of all runs. Definitions: bench/README.md.',
    '',
    mdTable(head, tableRows(result)),
    '',
    '### The probe\'s floor: a page that does nothing but show a `<div>` on a click (same probe, server and CSP, in the same runs)',
    '',
    mdTable(['Floor', 'p50 (ms)', 'p95 (ms)', 'clicks'], floorRows(result)),
    '',
    lighthouseLine(result),
    '',
    '## Budgets',
    '',
    mdTable(['Budget', 'Ours', 'Target', 'Result', 'Note'], budgets.map((b) => [b.budget, b.value, b.target, `**${b.status}**`, b.note]), ['l', 'r', 'r', 'l', 'l']),
    '',
  ];
  const notes = Object.entries(result.summary).filter(([, p]) => p.ours && !p.details);
  for (const [id] of notes) lines.push(`- ${id}: no \`[data-testid="details"]\` appeared after a click on Binjiang: its click figures are n/a.`);
  if (notes.length) lines.push('');
  if (failures.length) lines.push('## Measurements that failed', '', ...failures.map((f) => `- ${f}`), '');
  lines.push('## Files transferred for the first view (brotli, bytes)', '');
  for (const p of result.pages) {
    const files = result.brotli[p.id]?.files ?? [];
    lines.push(`- ${p.name}: ${files.map((f) => `${f.url} ${f.bytes}`).join(', ') || 'n/a'}`);
  }
  return `${lines.join('\n')}\n`;
}

function lighthouseLine(result) {
  const lh = result.lighthouse;
  if (!lh) return 'Lighthouse: not run (scripts/bench.sh runs scripts/lighthouse-perf.sh; rows marked Lighthouse are n/a).';
  return `Lighthouse ${lh.version}, its default mobile emulation and simulated throttling, ${lh.runs} run(s) per page, first visit; each Lighthouse cell: median (min–max) of those runs.`;
}

export function renderConsole(result) {
  const head = ['Metric', ...result.pages.map((p) => p.id)];
  const rows = [head, ...tableRows(result)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const pad = (s, w, right) => (right ? s.padStart(w) : s.padEnd(w));
  const text = rows.map((r) => r.map((c, i) => pad(c, widths[i], i > 0)).join('  ')).join('\n');
  const budgets = result.budgets.map((b) => `${b.status.padEnd(4)}  ${b.budget}: ${b.value} (target ${b.target})${b.note ? `; ${b.note}` : ''}`).join('\n');
  const floor = floorRows(result).map(([label, p50, p95]) => `Probe floor, ${label}: p50 ${p50} ms, p95 ${p95} ms`).join('\n');
  return `\n${text}\n\n${floor}\n\nBudgets:\n${budgets}\n`;
}
