import type { DashboardBenchResult } from './dashboard';
import type { NameSearchBenchResult } from './name-search';
import type { ReceiptBenchResult } from './receipt';
import type { Latency, RegistrationBenchResult } from './registration';
import type { SyncExportBenchResult, SyncExportSide } from './sync-export';

/**
 * How each benchmark's result reads: tables and ratios printed line by line, and the figures returned
 * as one object, which `npm run bench` prints as a JSON line for comparing runs.
 */

/** Writes one line of the report. */
export type Print = (line: string) => void;

/** A benchmark's figures, as its JSON line carries them. */
export type Figures = Record<string, unknown>;

export function formatNumber(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function printNameSearch(result: NameSearchBenchResult, print: Print): Figures {
  print(
    `fill: ${formatNumber(result.names, 0)} names (${formatNumber(result.withdrawn, 0)} of them withdrawn), ` +
      `${formatNumber(result.keys, 0)} search keys, ${formatNumber(result.fillSeconds, 1)} s`,
  );
  const header = ['', 'median ms', 'p99 ms', 'mean ms', 'max ms', 'found'];
  const row = (label: string, figures: Latency, found = '') => [
    label,
    formatNumber(figures.medianMs, 3),
    formatNumber(figures.p99Ms, 3),
    formatNumber(figures.meanMs, 3),
    formatNumber(figures.maxMs, 1),
    found,
  ];
  print('(target: p99 under 20 ms)');
  print(
    table(header, [
      row('search (dispatch nameList:search at the kiosk), all queries', result.search),
      ...Object.entries(result.byKind).map(([kind, figures]) => row(`  ${kind}`, figures, formatNumber(figures.meanFound, 1))),
      row('baseline (indexed select of an entry by id)', result.baseline),
    ]),
  );
  print(
    `ratio: median ${formatNumber(result.search.medianMs / result.baseline.medianMs, 1)}, p99 ${formatNumber(result.search.p99Ms / result.baseline.p99Ms, 1)}`,
  );
  const ms = (value: number) => Number(value.toFixed(3));
  return {
    names: result.names,
    searchMedianMs: ms(result.search.medianMs),
    searchP99Ms: ms(result.search.p99Ms),
    baselineMedianMs: ms(result.baseline.medianMs),
    baselineP99Ms: ms(result.baseline.p99Ms),
    byKind: Object.fromEntries(Object.entries(result.byKind).map(([kind, figures]) => [kind, { medianMs: ms(figures.medianMs), p99Ms: ms(figures.p99Ms) }])),
  };
}

export function printSyncExport(result: SyncExportBenchResult, print: Print): Figures {
  const header = ['', 'rows', 'records/s', 's', 'MB written', 'RSS start MB', 'RSS peak MB', 'heap peak MB'];
  const row = (label: string, side: SyncExportSide) => [
    label,
    formatNumber(side.records, 0),
    formatNumber(side.recordsPerSecond, 0),
    formatNumber(side.seconds, 1),
    formatNumber(side.bytes / 1_048_576, 1),
    formatNumber(side.startRssMegabytes, 0),
    formatNumber(side.peakRssMegabytes, 0),
    formatNumber(side.peakHeapMegabytes, 0),
  ];
  print('(target: ratio of records/s at least 0.5; writer peak RSS under 200 MB and no higher at N than at N/10)');
  for (const run of result.runs) {
    print(
      `\n${formatNumber(run.records, 0)} rows of ${formatNumber(run.meanPayloadBytes, 0)} bytes of JSON (sealed), filled in ${formatNumber(run.fillSeconds, 1)} s; ` +
        `database ${formatNumber(run.databaseMegabytes, 0)} MB`,
    );
    print(
      table(header, [
        row('writer (SyncBatchWriter.writeNext until null, 1 000 a batch)', run.writer),
        row('baseline (SELECT seq, payload + JSON.stringify + file stream)', run.baselines[0]),
        row('baseline again, after the writer', run.baselines[1]),
      ]),
    );
    print(`ratio (writer records/s over the faster baseline): ${formatNumber(run.ratio, 2)}`);
  }
  const mb = (value: number) => Number(value.toFixed(1));
  return {
    runs: result.runs.map((run) => ({
      records: run.records,
      writerRecordsPerSecond: Math.round(run.writer.recordsPerSecond),
      baselineRecordsPerSecond: run.baselines.map((side) => Math.round(side.recordsPerSecond)),
      ratio: Number(run.ratio.toFixed(3)),
      writerRssStartMb: mb(run.writer.startRssMegabytes),
      writerRssPeakMb: mb(run.writer.peakRssMegabytes),
      writerHeapPeakMb: mb(run.writer.peakHeapMegabytes),
      baselineRssPeakMb: run.baselines.map((side) => mb(side.peakRssMegabytes)),
    })),
  };
}

export function printDashboard(result: DashboardBenchResult, print: Print): Figures {
  const { fill } = result;
  print(
    `fill: ${formatNumber(fill.seconds, 1)} s with the tallies' triggers on; database ${formatNumber(fill.databaseMegabytes, 0)} MB; ` +
      `tally rows ${Object.entries(fill.tallyRows).map(([table, count]) => `${table} ${formatNumber(count, 0)}`).join(', ')}; ` +
      `the dashboard counted ${formatNumber(result.counted.thisYear, 0)} registrations this year (${formatNumber(result.counted.lastYearSameDays, 0)} the same days of last year)`,
  );
  print('(target: dashboard figures under 300 ms)');
  const header = ['', 'cold ms', 'median ms', 'max ms', 'mean ms'];
  const row = (label: string, cold: number, warm: Latency) => [
    label,
    formatNumber(cold, 2),
    formatNumber(warm.medianMs, 2),
    formatNumber(warm.maxMs, 2),
    formatNumber(warm.meanMs, 2),
  ];
  print(
    table(header, [
      row('dashboard:get through station.dispatch (audited view)', result.cold.dashboardMs, result.warm.dashboard),
      row('baseline (select count(*) from registration)', result.cold.baselineMs, result.warm.baseline),
    ]),
  );
  print(`ratio of medians: ${formatNumber(result.warm.dashboard.medianMs / result.warm.baseline.medianMs, 2)}`);
  const browser = 'skipped' in result.browser ? null : result.browser;
  print(
    browser
      ? `Chromium, click on the tile to the figures on screen: first ${formatNumber(browser.firstMs, 0)} ms, median of five more ${formatNumber(browser.againMs, 0)} ms`
      : `Chromium: skipped (${'skipped' in result.browser ? result.browser.skipped : ''})`,
  );
  const round = (value: number) => Number(value.toFixed(2));
  return {
    registrations: result.registrations,
    visits: result.visits,
    fillSeconds: round(fill.seconds),
    coldMs: round(result.cold.dashboardMs),
    medianMs: round(result.warm.dashboard.medianMs),
    maxMs: round(result.warm.dashboard.maxMs),
    baselineColdMs: round(result.cold.baselineMs),
    baselineMedianMs: round(result.warm.baseline.medianMs),
    browserFirstMs: browser ? Math.round(browser.firstMs) : null,
    browserAgainMs: browser ? Math.round(browser.againMs) : null,
  };
}

export function printReceipt(result: ReceiptBenchResult, print: Print): Figures {
  const { oneTime } = result;
  print(
    `one-time: primary fonts loaded in ${formatNumber(oneTime.primaryLoadMs, 1)} ms, first receipt after that ` +
      `${formatNumber(oneTime.firstReceiptMs, 1)} ms; fallback collection loaded on the first rare character in ` +
      `${formatNumber(oneTime.fallbackLoadMs.regular, 1)} ms (regular), ${formatNumber(oneTime.fallbackLoadMs.bold, 1)} ms (bold)`,
  );
  const header = ['', 'median ms', 'p99 ms', 'mean ms', 'max ms', 'KB'];
  const row = (label: string, side: ReceiptBenchResult['receipt']) => [
    label,
    formatNumber(side.latency.medianMs, 2),
    formatNumber(side.latency.p99Ms, 2),
    formatNumber(side.latency.meanMs, 2),
    formatNumber(side.latency.maxMs, 1),
    formatNumber(side.bytes / 1024, 1),
  ];
  print('(target: an A4 receipt with Chinese text under 60 ms median and under 80 KB)');
  print(
    table(header, [
      row('receipt (Noto Sans SC subset, vector QR)', result.receipt),
      row('receipt, name with 𠮷 (+ Noto Sans CJK subset)', result.rareName),
      row('baseline (Helvetica, Latin text, no QR)', result.baseline),
    ]),
  );
  const ratio = (side: ReceiptBenchResult['receipt']) => formatNumber(side.latency.medianMs / result.baseline.latency.medianMs, 2);
  print(`ratio of medians: receipt ${ratio(result.receipt)}, rare name ${ratio(result.rareName)}`);
  const ms = (value: number) => Number(value.toFixed(2));
  return {
    samples: result.receipt.latency.samples,
    receiptMedianMs: ms(result.receipt.latency.medianMs),
    receiptP99Ms: ms(result.receipt.latency.p99Ms),
    receiptBytes: result.receipt.bytes,
    rareNameMedianMs: ms(result.rareName.latency.medianMs),
    rareNameBytes: result.rareName.bytes,
    baselineMedianMs: ms(result.baseline.latency.medianMs),
    baselineBytes: result.baseline.bytes,
    primaryFontLoadMs: ms(oneTime.primaryLoadMs),
    firstReceiptMs: ms(oneTime.firstReceiptMs),
    fallbackLoadMs: { regular: ms(oneTime.fallbackLoadMs.regular), bold: ms(oneTime.fallbackLoadMs.bold) },
  };
}

export function printRegistration(result: RegistrationBenchResult, print: Print): Figures {
  const { fill } = result;
  print(`fill: ${fill.method}`);
  print(
    `fill time: ${formatNumber(fill.seconds, 1)} s (bulk ${formatNumber(fill.bulkPeople, 0)} people in ${formatNumber(fill.bulkSeconds, 1)} s, ` +
      `${formatNumber(fill.bulkPeople / fill.bulkSeconds, 0)} people/s, ${formatNumber(fill.bulkPeople / fill.bulkCpuSeconds, 0)} per processor second; service ${formatNumber(fill.servicePeople, 0)} people in ` +
      `${formatNumber(fill.serviceSeconds, 1)} s); database ${formatNumber(fill.databaseMegabytes, 0)} MB; ` +
      `rows ${Object.entries(fill.rows).map(([table, count]) => `${table} ${formatNumber(count, 0)}`).join(', ')}`,
  );
  print(
    `reopening the filled station: ${formatNumber(fill.reopenSeconds, 2)} s; audit chain of ${formatNumber(fill.auditEntries, 0)} entries verified in ` +
      `${formatNumber(fill.auditVerifySeconds, 1)} s`,
  );
  const row = (label: string, figures: Latency) => [
    label,
    formatNumber(figures.medianMs, 3),
    formatNumber(figures.p99Ms, 3),
    formatNumber(figures.meanMs, 3),
    formatNumber(figures.maxMs, 1),
  ];
  const header = ['', 'median ms', 'p99 ms', 'mean ms', 'max ms'];
  const ratios = (measured: Latency, baseline: Latency) =>
    `median ${formatNumber(measured.medianMs / baseline.medianMs, 2)}, p99 ${formatNumber(measured.p99Ms / baseline.p99Ms, 2)}`;
  const { registration, lookup } = result;
  print('\nregistration of a new person (target: median under 5 ms)');
  print(
    table(header, [
      row('service (schema parse + RegistrationService.create)', registration.service),
      row('baseline (one bare insert, own transaction)', registration.baseline),
    ]),
  );
  print(`ratio: ${ratios(registration.service, registration.baseline)}`);
  print('\nlookup by document number (target: under 1 ms)');
  print(
    table(header, [
      row('service (PersonRegistry.findByDocument + open)', lookup.service),
      row('service (registration:search, audited)', lookup.search),
      row('baseline (indexed select)', lookup.baseline),
    ]),
  );
  print(`ratio, findByDocument: ${ratios(lookup.service, lookup.baseline)}; search: ${ratios(lookup.search, lookup.baseline)}`);
  const ms = (value: number) => Number(value.toFixed(3));
  return {
    people: result.people,
    fillSeconds: Number(fill.seconds.toFixed(1)),
    bulkPeoplePerSecond: Math.round(fill.bulkPeople / fill.bulkSeconds),
    bulkPeoplePerCpuSecond: Math.round(fill.bulkPeople / fill.bulkCpuSeconds),
    registrationMedianMs: ms(registration.service.medianMs),
    registrationP99Ms: ms(registration.service.p99Ms),
    bareInsertMedianMs: ms(registration.baseline.medianMs),
    bareInsertP99Ms: ms(registration.baseline.p99Ms),
    lookupMedianMs: ms(lookup.service.medianMs),
    lookupP99Ms: ms(lookup.service.p99Ms),
    searchMedianMs: ms(lookup.search.medianMs),
    searchP99Ms: ms(lookup.search.p99Ms),
    bareSelectMedianMs: ms(lookup.baseline.medianMs),
    bareSelectP99Ms: ms(lookup.baseline.p99Ms),
  };
}

