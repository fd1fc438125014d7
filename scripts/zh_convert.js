// zh_convert.js — helpers shared by gen_places_cn and gen_countries: TSV reading, batched
// ICU transforms through uconv, and Simplified → Traditional conversion with the
// corrections of scripts/hant_overrides.tsv.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const HANT_OVERRIDES = path.join(__dirname, 'hant_overrides.tsv');

// die prints "<tool>: <msg>" and exits with status 1.
function die(tool, msg) {
  process.stderr.write(`${tool}: ${msg}\n`);
  process.exit(1);
}

// run executes cmd with args and input; it exits with a message on failure.
function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) die('zh_convert', `cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) die('zh_convert', `${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

// uconvLines applies an ICU transform (uconv -x) to each string, in one process.
// The strings must not contain newlines.
function uconvLines(strings, transform) {
  if (strings.length === 0) return [];
  const out = run('uconv', ['-x', transform], strings.join('\n') + '\n').split('\n');
  if (out[out.length - 1] === '') out.pop();
  if (out.length !== strings.length) die('zh_convert', `uconv returned ${out.length} lines for ${strings.length}`);
  return out;
}

// readTsv returns the rows of a TSV file whose first non-comment line is a header, as
// objects keyed by column name (missing trailing cells are ''); `#` lines and blank lines
// are skipped. row._line is the 1-based line number.
function readTsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let header = null;
  const rows = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!header) { header = cells; continue; }
    if (cells.length > header.length) die('zh_convert', `${file}:${i + 1}: ${cells.length} fields, header has ${header.length}`);
    const row = {};
    header.forEach((h, k) => { row[h] = (cells[k] || '').trim(); });
    row._line = i + 1;
    rows.push(row);
  }
  return rows;
}

// HantConverter converts Simplified strings to Traditional: ICU Hans-Hant, then the
// corrections of hant_overrides.tsv, longer keys first (a phrase 新干 → 新幹 wins over a
// character 干 → 干). Construct it with every string it will be asked to convert.
class HantConverter {
  constructor(strings) {
    this.overrides = readTsv(HANT_OVERRIDES)
      .sort((x, y) => y.zh.length - x.zh.length || (x.zh < y.zh ? -1 : 1));
    const all = new Set(strings);
    for (const o of this.overrides) all.add(o.zh);
    const list = [...all].sort();
    const hant = uconvLines(list, 'Hans-Hant');
    this.icu = new Map(list.map((z, i) => [z, hant[i]]));
    this.used = new Set();
  }

  // convert returns the Traditional form of s, which must have been passed to the constructor.
  convert(s) {
    let h = this.icu.get(s);
    if (h === undefined) die('zh_convert', `HantConverter: '${s}' was not declared`);
    for (const o of this.overrides) {
      if (!s.includes(o.zh)) continue;
      const wrong = this.icu.get(o.zh);
      if (h.includes(wrong)) { h = h.split(wrong).join(o.hant); this.used.add(o.zh); }
    }
    return h;
  }

  // unused lists override keys that never applied (stale lines in hant_overrides.tsv).
  unused() {
    return this.overrides.filter((o) => !this.used.has(o.zh)).map((o) => `${o.zh} (line ${o._line})`);
  }
}

module.exports = { die, run, uconvLines, readTsv, HantConverter };
