/**
 * `npm run bench`: what the extension costs the page and what it saves the engineer, measured against the
 * sandbox in real Chromium. Prints a table and writes bench/results.json. Not part of `npm test`.
 *
 * - bundles: raw and gzip size of each entry of the release build; content scripts must stay ≤ 100 KB gzip
 *   and free of firebase, gitbeaker and holiday data.
 * - page cost: the sandbox ticket page's load (to its form rendered) with and without the extension (50 runs each),
 *   alternating, CPU throttled 4× for both; median ratio ≤ 1.05. Plus the extension's own script time
 *   (CDP ScriptDuration, with minus without).
 * - sidebar: navigation → stage guide shown, median and p95, and the `call_kw` requests it made (≤ 2).
 * - flows: requests and time of the main actions, and the engineer's steps against the manual procedure.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import { configureExtension, extensionWorker, launchChromium, signInToOdoo, storeGitLabToken } from '../tools/extension-browser.ts';
import { startAuthEmulator } from '../sandbox/auth-emulator.ts';
import { FLOW_STEPS, measureFlows, type FlowResult } from './flows.ts';
import { STAGE_GUIDE_SHOWN } from '../../lib/perf-marks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const CPU_SLOWDOWN = 4;
const BUDGET = { contentScriptGzip: 100 * 1024, pageCostRatio: 1.05, sidebarRpc: 2, stageMoveRpc: 4 };

// ---------------------------------------------------------------- bundles

interface BundleSize {
  raw: number;
  gzip: number;
  /** Libraries that must not be in a content script, found in it. */
  forbidden?: string[];
}

const FORBIDDEN_IN_CONTENT: Record<string, RegExp> = {
  firebase: /@firebase\/(app|database|auth)|FIREBASE WARNING/,
  gitbeaker: /gitbeaker/i,
  'holiday data': /Ostermontag|Paasmaandag|Pinksteren/,
};

function size(files: string[]): { raw: number; gzip: number } {
  const content = Buffer.concat(files.map((file) => readFileSync(file)));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** The JS a page entry loads: its module script and the chunks Vite preloads for it. */
function pageScripts(outDir: string, html: string): string[] {
  const text = readFileSync(`${outDir}/${html}`, 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  return [...new Set(refs)].map((ref) => `${outDir}/${ref}`);
}

function bundleSizes(outDir: string): Record<string, BundleSize> {
  const bundles: Record<string, BundleSize> = {};
  for (const file of readdirSync(`${outDir}/content-scripts`).filter((name) => name.endsWith('.js'))) {
    const path = `${outDir}/content-scripts/${file}`;
    const text = readFileSync(path, 'utf8');
    bundles[`content:${file.replace(/\.js$/, '')}`] = {
      ...size([path]),
      forbidden: Object.entries(FORBIDDEN_IN_CONTENT)
        .filter(([, marker]) => marker.test(text))
        .map(([name]) => name),
    };
  }
  bundles.background = size([`${outDir}/background.js`]);
  bundles.popup = size(pageScripts(outDir, 'popup.html'));
  bundles.options = size(pageScripts(outDir, 'options.html'));
  return bundles;
}

// ---------------------------------------------------------------- statistics

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// ---------------------------------------------------------------- page cost

/** Records when the ticket form first appears, in the page's own clock (same script in both browsers). */
const FORM_WATCH = `(() => {
  const seen = () => document.querySelector('.o_form_view .o_form_sheet');
  new MutationObserver((_, observer) => {
    if (seen()) { window.__formRenderedAt = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  formMs: number;
  scriptMs: number;
  /** `call_kw` requests during the load. */
  rpc: number;
  /** Every JSON-RPC request during the load (call_kw and session routes). */
  requests: number;
}

async function loadTicket(context: BrowserContext, sandbox: Sandbox, url: string, waitForSidebar: boolean): Promise<Load & { sidebarMs?: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Performance.enable');
  const rpcBefore = sandbox.odoo.rpcLog().length;
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __formRenderedAt?: number }).__formRenderedAt !== undefined, undefined, { polling: 50 });
  let sidebarMs: number | undefined;
  /** Requests until the stage guide shows (panels may load more afterwards, when needed). */
  let untilGuide: number | undefined;
  if (waitForSidebar) {
    await page.getByTestId('process-stage').waitFor();
    // The sidebar marks the moment its stage guide rendered; requests logged after it are the panels' own.
    const shown = await page.evaluate((name) => {
      const mark = performance.getEntriesByName(name).at(-1);
      return mark ? { at: mark.startTime, epochMs: performance.timeOrigin + mark.startTime } : null;
    }, STAGE_GUIDE_SHOWN);
    if (!shown) throw new Error(`The sidebar left no "${STAGE_GUIDE_SHOWN}" mark on the page.`);
    sidebarMs = shown.at;
    untilGuide = sandbox.odoo.rpcLog().filter((entry) => Date.parse(entry.at) <= shown.epochMs).length;
  } else {
    // The same settle time the extension's page gets, so both count the same window of script work.
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(300);
  const formMs = await page.evaluate(() => (window as unknown as { __formRenderedAt: number }).__formRenderedAt);
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const scriptMs = (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
  const during = sandbox.odoo.rpcLog().slice(rpcBefore, untilGuide);
  const rpc = during.filter((entry) => entry.url.includes('/web/dataset/call_kw')).length;
  await page.close();
  return { formMs, scriptMs, rpc, requests: during.length, sidebarMs };
}

async function pageCost(sandbox: Sandbox) {
  const withExtension = await launchChromium({ extension: true });
  await configureExtension(await extensionWorker(withExtension), sandbox.settings);
  const without = await launchChromium({ extension: false });
  for (const context of [withExtension, without]) {
    await signInToOdoo(context, sandbox.odoo);
    await context.addInitScript(FORM_WATCH);
  }
  const url = sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path');
  // Warm-up: caches, the origin's helpdesk facts, JIT.
  await loadTicket(withExtension, sandbox, url, true);
  await loadTicket(without, sandbox, url, false);

  const loads = { with: [] as (Load & { sidebarMs?: number })[], without: [] as Load[] };
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first so drift on a noisy machine hits both alike.
    const order = run % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
    for (const which of order) {
      if (which === 'with') loads.with.push(await loadTicket(withExtension, sandbox, url, true));
      else loads.without.push(await loadTicket(without, sandbox, url, false));
    }
  }
  await withExtension.close();
  await without.close();

  const formWith = median(loads.with.map((load) => load.formMs));
  const formWithout = median(loads.without.map((load) => load.formMs));
  const sidebarTimes = loads.with.map((load) => load.sidebarMs!);
  return {
    pageCostRatio: round(formWith / formWithout, 3),
    pageLoad: {
      runs: RUNS,
      cpuSlowdown: CPU_SLOWDOWN,
      formRenderedMedianMs: { with: round(formWith), without: round(formWithout) },
      extensionScriptMs: round(median(loads.with.map((load) => load.scriptMs)) - median(loads.without.map((load) => load.scriptMs))),
    },
    sidebar: {
      medianMs: round(median(sidebarTimes)),
      p95Ms: round(quantile(sidebarTimes, 0.95)),
      rpcCount: median(loads.with.map((load) => load.rpc)) - median(loads.without.map((load) => load.rpc)),
      requests: median(loads.with.map((load) => load.requests)) - median(loads.without.map((load) => load.requests)),
      cpuSlowdown: CPU_SLOWDOWN,
    },
  };
}

// ---------------------------------------------------------------- main

console.log('Building the release and sandbox extensions…');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { cwd: root, stdio: 'ignore' });
const bundles = bundleSizes(`${root}${process.env.WXT_OUT_DIR ?? '.output'}/chrome-mv3`);

console.log('Starting the sandbox (with the Firebase Auth emulator)…');
const authEmulator = await startAuthEmulator();
const sandbox = await startSandbox({ authEmulator: authEmulator.host });
let flows: Record<string, FlowResult>;
let cost: Awaited<ReturnType<typeof pageCost>>;
try {
  console.log(`Loading the sandbox ticket ${RUNS}× with and ${RUNS}× without the extension (CPU ${CPU_SLOWDOWN}× slower)…`);
  cost = await pageCost(sandbox);
  console.log('Measuring the flows…');
  const context = await launchChromium({ extension: true });
  const worker = await extensionWorker(context);
  await configureExtension(worker, sandbox.settings);
  await storeGitLabToken(worker, sandbox.gitlab.tokens.valid);
  await signInToOdoo(context, sandbox.odoo);
  try {
    flows = await measureFlows(sandbox, context, worker, authEmulator.host);
  } finally {
    await context.close();
  }
} finally {
  await sandbox.close();
  await authEmulator.stop();
}

const contentScripts = Object.entries(bundles).filter(([entry]) => entry.startsWith('content:'));
const budgets = {
  contentScriptGzip: {
    limit: BUDGET.contentScriptGzip,
    actual: Math.max(...contentScripts.map(([, bundle]) => bundle.gzip)),
    met: contentScripts.every(([, bundle]) => bundle.gzip <= BUDGET.contentScriptGzip),
  },
  contentScriptsLean: { limit: 'no firebase, gitbeaker or holiday data', actual: contentScripts.flatMap(([, bundle]) => bundle.forbidden ?? []), met: contentScripts.every(([, bundle]) => (bundle.forbidden ?? []).length === 0) },
  pageCostRatio: { limit: BUDGET.pageCostRatio, actual: cost.pageCostRatio, met: cost.pageCostRatio <= BUDGET.pageCostRatio },
  sidebarRpc: { limit: BUDGET.sidebarRpc, actual: cost.sidebar.rpcCount, met: cost.sidebar.rpcCount <= BUDGET.sidebarRpc },
  stageMoveRpc: {
    limit: BUDGET.stageMoveRpc,
    actual: flows.stageMoveWithEmail?.requests ?? null,
    met: (flows.stageMoveWithEmail?.requests ?? Infinity) <= BUDGET.stageMoveRpc,
  },
};

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  bundles,
  pageCostRatio: cost.pageCostRatio,
  pageLoad: cost.pageLoad,
  sidebar: cost.sidebar,
  flows,
  steps: FLOW_STEPS,
  budgets,
};
mkdirSync(`${root}bench`, { recursive: true });
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('\nBundles (release build)');
console.table(Object.fromEntries(Object.entries(bundles).map(([entry, bundle]) => [entry, { raw: kb(bundle.raw), gzip: kb(bundle.gzip), forbidden: bundle.forbidden?.join(', ') ?? '' }])));
console.log(`Page cost: form rendered ${cost.pageLoad.formRenderedMedianMs.with} ms with / ${cost.pageLoad.formRenderedMedianMs.without} ms without → ratio ${cost.pageCostRatio}; extension script time ${cost.pageLoad.extensionScriptMs} ms`);
console.log(`Sidebar: median ${cost.sidebar.medianMs} ms, p95 ${cost.sidebar.p95Ms} ms, ${cost.sidebar.rpcCount} call_kw`);
console.log('\nFlows');
console.table(Object.fromEntries(Object.entries(flows).map(([name, flow]) => [name, { requests: flow.requests ?? '—', medianMs: flow.medianMs ?? '—', stepsWithExtension: flow.stepsWithExtension, stepsManual: flow.stepsManual, note: flow.note ?? '' }])));
console.log('Budgets');
console.table(Object.fromEntries(Object.entries(budgets).map(([name, budget]) => [name, { limit: String(budget.limit), actual: String(budget.actual), met: budget.met ? 'yes' : 'NO' }])));
console.log(`Wrote ${root}bench/results.json`);
if (!Object.values(budgets).every((budget) => budget.met)) process.exitCode = 1;
