/** The bench's table on stdout: one row per figure, then where the time of a build goes. */

const out = (line = '') => process.stdout.write(`${line}\n`);

function fmt(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return typeof value === 'number' ? value.toFixed(digits) : String(value);
}

function targetText(t) {
  if (!t) return '';
  return 'max' in t ? `≤ ${t.max}` : `≥ ${t.min}`;
}

function statusText(ok, unjudged = '') {
  if (ok === null || ok === undefined) return unjudged;
  return ok ? 'met' : 'MISSED';
}

function row(label, summary, digits, target = '', status = '') {
  const s = typeof summary === 'object' && summary !== null ? summary : { median: summary };
  out(
    [
      label.padEnd(44),
      fmt(s.median, digits).padStart(9),
      fmt(s.min, digits).padStart(9),
      fmt(s.max, digits).padStart(9),
      String(s.n ?? '').padStart(3),
      `  ${target}`.padEnd(14),
      status,
    ].join(''),
  );
}

function breakdownLine(title, msByKey) {
  const parts = Object.entries(msByKey).map(([k, v]) => `${k.replace(/Ms$/, '')} ${Math.round(v)}`);
  out(`  ${title}: ${parts.join(' · ')}`);
}

const CONFIDENCE_LABELS = {
  cold_build_vs_floor: 'cold build ÷ floor',
  batch_throughput_vs_floor: 'batch ÷ floor',
  warm_print_share: 'warm share in page.pdf()',
  chart_share: 'charts ÷ warm rebuild',
};

/** The median's distribution-free interval per judged figure, and whether it settles the target. */
function confidenceLines(confidence, targets) {
  if (!confidence) return;
  out('How sure (an interval that holds the median with the probability shown, from the runs):');
  for (const [name, c] of Object.entries(confidence)) {
    const label = `  ${CONFIDENCE_LABELS[name] ?? name}`.padEnd(30);
    if (c.verdict === null) {
      const agree =
        c.runsMeeting === c.runs
          ? 'every run meets the target'
          : c.runsMeeting === 0
            ? 'no run meets the target'
            : `${c.runsMeeting} of ${c.runs} runs ${c.runsMeeting === 1 ? 'meets' : 'meet'} the target`;
      out(`${label}${c.runs} runs: too few for a 90 % interval; ${agree}`);
      continue;
    }
    const what =
      c.verdict === 'unclear'
        ? `straddles the target ${targetText(targets[name])}: unclear`
        : `${c.verdict} (${targetText(targets[name])})`;
    out(`${label}${c.low}-${c.high} (${Math.round(c.coverage * 100)} %): ${what}`);
  }
}

export function printTable(r, targets) {
  const f = r.figures;
  const m = r.machine;
  out();
  out(
    `capex-report bench (${r.mode}) · ${m.cpus} cores · load ${m.loadavgBefore[0]} → ${m.loadavgAfter[0]} · node ${m.node} · ${m.browser}`,
  );
  out(
    `${'figure'.padEnd(44)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}${'n'.padStart(3)}  target        status`,
  );
  out('-'.repeat(100));
  row('1 floor, whole process (ms)', f.floor_cold_ms, 0);
  row('2 cold build, whole process (ms)', f.build_cold_ms, 0);
  row(
    '  cold build ÷ floor (pair by pair)',
    f.cold_build_vs_floor,
    2,
    targetText(targets.cold_build_vs_floor),
    statusText(r.targets.cold_build_vs_floor),
  );
  if (f.build_cold_uncached_ms.n > 0) {
    row('  cold build, nothing cached (--no-cache) (ms)', f.build_cold_uncached_ms, 0);
    row('  … ÷ floor (pair by pair)', f.cold_uncached_build_vs_floor, 2);
  } else row('  cold build, nothing cached (--no-cache)', null, 0, '', 'full mode only');
  row('3 warm rebuild, one figure changed (ms)', f.warm_rebuild_ms, 0);
  row('  inside page.pdf(), both pages (ms)', f.warm_pdf_call_ms, 0);
  row(
    '  share inside page.pdf()',
    f.warm_print_share,
    2,
    targetText(targets.warm_print_share),
    statusText(r.targets.warm_print_share),
  );
  row('  share in the whole print stage', f.warm_print_stage_share, 2);
  row('  floor, live browser, same two pages (ms)', f.warm_floor_ms, 0);
  row("  floor's share inside page.pdf()", f.warm_floor_print_share, 2);
  row('  warm rebuild ÷ warm floor (pair by pair)', f.warm_rebuild_vs_floor, 2);
  row(`4 floor batch, ${f.batch_weeks} weeks × 2 (PDF/s)`, f.batch_floor_pdf_per_s, 2);
  row(`  build batch, ${f.batch_weeks} weeks × 2 (PDF/s)`, f.batch_build_pdf_per_s, 2);
  row(
    '  build ÷ floor throughput (pair by pair)',
    f.batch_throughput_vs_floor,
    2,
    targetText(targets.batch_throughput_vs_floor),
    statusText(r.targets.batch_throughput_vs_floor, 'not judged: too few weeks'),
  );
  if (f.batch_steady_throughput_vs_floor) {
    const weeks = `weeks 2-${f.batch_weeks}`;
    row(`  floor, ${weeks} only (PDF/s)`, f.batch_steady_floor_pdf_per_s, 2);
    row(`  build, ${weeks} only (PDF/s)`, f.batch_steady_build_pdf_per_s, 2);
    row(`  build ÷ floor, ${weeks} (pair by pair)`, f.batch_steady_throughput_vs_floor, 2);
  }
  row('5 charts, both languages, warm, uncached (ms)', f.charts_warm_ms, 0);
  // Reported, not judged: what is left of it is inside Vega's own view construction.
  row('  charts ÷ warm rebuild (pair by pair; not judged)', f.chart_share, 3);
  for (const [locale, bytes] of Object.entries(f.pdf_bytes)) {
    const fonts = f.pdf_fonts[locale];
    const note = fonts ? `  (${fonts.embedded}/${fonts.fonts} fonts embedded)` : '';
    row(
      `6 PDF ${locale} (KB)${note}`,
      bytes / 1000,
      1,
      `≤ ${targets.pdf_bytes.max / 1000}`,
      statusText(r.targets.pdf_bytes),
    );
  }
  row('  peak RSS, build process: Node (MB)', f.peak_rss_mb, 1);
  if (f.peak_rss_largest_process_mb)
    row('  peak RSS, largest process of its tree (MB)', f.peak_rss_largest_process_mb, 1);
  row('  peak PSS, Node + Chromium tree, sampled (MB)', f.peak_pss_tree_mb, 1);
  row('  floor: peak RSS, Node (MB)', f.floor_peak_rss_mb, 1);
  out('-'.repeat(100));
  confidenceLines(r.confidence, targets);
  out('Where the time goes (medians, ms):');
  breakdownLine('cold floor, in process (one run)', r.breakdown.cold_floor_in_process_ms);
  breakdownLine('cold build, in process (one run)', r.breakdown.cold_build_in_process_ms);
  breakdownLine('warm rebuild by stage', r.breakdown.warm_stages_ms);
  breakdownLine('warm print stage (wall time per kind of page call)', r.breakdown.warm_print_ms);
  breakdownLine('warm floor (wall time per kind of page call)', r.breakdown.warm_floor_ms);
  breakdownLine('batch build, per week by stage', r.breakdown.batch_stages_ms_per_week);
  out(`${r.mode} mode, ${r.seconds} s; timings are noisy when other work shares the machine.`);
}

/** The archive, e-mail and preview figures (bench/archive.js, email.js, preview.js). */
export function printStages(stages, targets) {
  const { figures, judged, archive, email, preview } = stages;
  out();
  out('later stages, each in its own process');
  out('-'.repeat(100));
  const judgedRow = (label, name, digits) =>
    row(label, figures[name], digits, targetText(targets[name]), statusText(judged[name]));
  judgedRow('archive a built week ÷ its cold build', 'archive_vs_cold_build', 3);
  out(
    `  archive ${archive.archive_ms.join(', ')} ms; cold build ${archive.cold_build_ms.join(', ')} ms`,
  );
  judgedRow(
    `archive verify ÷ sha256sum (${archive.synthetic.versions} versions)`,
    'verify_vs_sha256sum',
    2,
  );
  out(
    `  verify ${archive.verify_mb_per_s} MB/s; sha256sum ${archive.sha256sum_mb_per_s} MB/s over ${archive.synthetic.megabytes} MB`,
  );
  judgedRow(`send ÷ a bare nodemailer pool (${email.clients} clients)`, 'email_vs_bare_pool', 2);
  out(
    `  ${email.ours_msgs_per_s} vs ${email.bare_msgs_per_s} msg/s; CPU ${email.ours_cpu_ms_per_msg} vs ${email.bare_cpu_ms_per_msg} ms/msg; peak RSS ${email.ours_peak_rss_mb} vs ${email.bare_peak_rss_mb} MB (pairs: min ${email.email_vs_bare_pool.min}, max ${email.email_vs_bare_pool.max})`,
  );
  judgedRow('preview latency ÷ (warm HTML rebuild + reload)', 'preview_vs_floor', 2);
  out(
    `  preview ${preview.medianPreviewMs} ms; floor ${preview.medianFloorMs} ms (pairs: ${preview.pairs.map((p) => p.ratio).join(', ')})`,
  );
}
