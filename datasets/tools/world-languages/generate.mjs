// Generates the bundled "world-languages" dataset for tailgap:
// "In which country do the most people speak <language>?" questions, with the language's estimated
// number of speakers worldwide (Unicode CLDR) as the frequency.
//
// Run: npm ci && node generate.mjs
// Output (relative to this file):
//   ../../src/main/resources/dev/tailgap/datasets/bundled/world-languages.jsonl
//   ../../src/main/resources/dev/tailgap/datasets/bundled/world-languages.manifest.yaml
//   ../../src/main/resources/dev/tailgap/datasets/bundled/world-languages.LICENSE.txt (CLDR's licence)
//
// The output is deterministic: rerunning with the same package versions gives identical bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(HERE, '..', '..', 'src', 'main', 'resources', 'dev', 'tailgap', 'datasets', 'bundled');
const DATASET_NAME = 'world-languages';
const DATASET_VERSION = '1.0.0';
const EXPECTED_VERSIONS = { 'cldr-core': '48.2.0', 'cldr-localenames-full': '48.2.0' };
/** The country with the most speakers must have at least this many times the speakers of the next one. */
const DOMINANCE = 2;
const MIN_SPEAKERS = 1000;
const MIN_ITEMS = 200;

for (const [pkg, version] of Object.entries(EXPECTED_VERSIONS)) {
  const found = JSON.parse(readFileSync(join(HERE, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  if (found !== version) {
    throw new Error(`${pkg} ${found} is installed, the generator is pinned to ${version}: run npm ci`);
  }
}

const territoryInfo = require('cldr-core/supplemental/territoryInfo.json').supplemental.territoryInfo;
const languageNames = require('cldr-localenames-full/main/en/languages.json').main.en.localeDisplayNames.languages;
const territoryNames = require('cldr-localenames-full/main/en/territories.json').main.en.localeDisplayNames.territories;

// ---------------------------------------------------------------------------------------------
// Curated tables
// ---------------------------------------------------------------------------------------------

/** Territories whose country is contested: no answer naming them is unambiguous. */
const CONTESTED = ['EH', 'PS', 'TW', 'XK'];

/** Dependent territories, special administrative regions and associated states (the answer could be either). */
const DEPENDENT = ['AI', 'AQ', 'AS', 'AW', 'AX', 'BL', 'BM', 'BQ', 'BV', 'CC', 'CK', 'CW', 'CX', 'FK', 'FO', 'GF',
  'GG', 'GI', 'GL', 'GP', 'GS', 'GU', 'HK', 'HM', 'IC', 'IM', 'IO', 'JE', 'KY', 'MF', 'MO', 'MP', 'MQ', 'MS', 'NC',
  'NF', 'NU', 'PF', 'PM', 'PN', 'PR', 'RE', 'SH', 'SJ', 'SX', 'TC', 'TF', 'TK', 'UM', 'VG', 'VI', 'WF', 'YT', 'EA',
  'DG', 'AC', 'TA', 'CP'];

/** Canonical names where CLDR's English name is unsuitable as a gold answer (dashes, parentheses, "&"). */
const NAME_OVERRIDES = {
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  MM: 'Myanmar',
  BA: 'Bosnia and Herzegovina',
};

/** Common English alternates. No two-letter codes except "UK" (whole-word matching would hit "in", "us"). */
const ALIASES = {
  AE: ['UAE'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville', 'Republic of Congo'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire"],
  CN: ["People's Republic of China", 'PRC'],
  CZ: ['Czech Republic'],
  GB: ['UK', 'Great Britain', 'Britain'],
  KP: ["Democratic People's Republic of Korea", 'DPRK'],
  KR: ['Republic of Korea'],
  MM: ['Burma'],
  NL: ['Holland', 'The Netherlands'],
  RU: ['Russian Federation'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  US: ['United States of America', 'USA', 'U.S.A.'],
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function norm(s) {
  return s.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** True when needle occurs in haystack as a whole word. */
function containsWord(haystack, needle) {
  const h = norm(haystack);
  const n = norm(needle);
  if (n.length === 0) return false;
  for (let from = 0; ;) {
    const at = h.indexOf(n, from);
    if (at < 0) return false;
    const isWordChar = (c) => c !== '' && /[\p{L}\p{M}\p{N}]/u.test(c);
    if (!isWordChar(at === 0 ? '' : h[at - 1]) && !isWordChar(h.slice(at + n.length, at + n.length + 1))) return true;
    from = at + 1;
  }
}

function uniq(list) {
  const seen = new Set();
  const out = [];
  for (const s of list) {
    const k = norm(s);
    if (s && !seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

/** The answers for a territory: canonical name first, then CLDR's short and variant names and the aliases. */
function countryNames(code) {
  const primary = NAME_OVERRIDES[code] ?? territoryNames[code];
  const names = [primary, territoryNames[code], territoryNames[`${code}-alt-short`], territoryNames[`${code}-alt-variant`],
    ...(ALIASES[code] ?? [])].filter(Boolean).map((s) => s.replace(/’/gu, "'"));
  const withAnd = names.flatMap((s) => (s.includes(' & ') ? [s.replace(/ & /gu, ' and ')] : [s]));
  return uniq(withAnd.filter((s) => !/[()]| - /u.test(s) && (s.length > 2 || s === 'UK')));
}

// ---------------------------------------------------------------------------------------------
// Speakers per language and territory
// ---------------------------------------------------------------------------------------------

const sovereign = Object.keys(territoryInfo).filter((c) => /^[A-Z]{2}$/u.test(c) && !CONTESTED.includes(c)
  && !DEPENDENT.includes(c) && territoryNames[c]);
const speakers = new Map(); // base language -> Map(territory -> speakers)
for (const [territory, info] of Object.entries(territoryInfo)) {
  const population = Number(info._population);
  for (const [code, lp] of Object.entries(info.languagePopulation ?? {})) {
    const base = code.split('_')[0];
    const n = population * Number(lp._populationPercent) / 100;
    if (!speakers.has(base)) speakers.set(base, new Map());
    const byTerritory = speakers.get(base);
    byTerritory.set(territory, Math.max(byTerritory.get(territory) ?? 0, n)); // scripts of one language overlap
  }
}

// Answers of one country inside another's (e.g. "Republic of the Congo" in "Democratic Republic of the Congo")
// would let a wrong answer score as right: such names are dropped, and a country whose canonical name is inside
// another's cannot be an answer.
const names = new Map(sovereign.map((c) => [c, countryNames(c)]));
const unusable = new Set();
for (const [c, list] of names) {
  const kept = [];
  for (const s of list) {
    const inside = [...names].some(([o, other]) => o !== c && other.some((t) => norm(t) !== norm(s) && containsWord(t, s)));
    if (!inside) kept.push(s);
    else if (s === list[0]) unusable.add(c);
  }
  names.set(c, kept);
}

const dropped = {};
function drop(why) {
  dropped[why] = (dropped[why] ?? 0) + 1;
}

const items = [];
for (const [base, byTerritory] of [...speakers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  const name = languageNames[base];
  if (!name || name === base) { drop('no English name in CLDR'); continue; }
  if (/[()\d]/u.test(name)) { drop('name has parentheses or digits'); continue; }
  const total = Math.round([...byTerritory.values()].reduce((a, b) => a + b, 0));
  if (total < MIN_SPEAKERS) { drop(`fewer than ${MIN_SPEAKERS} speakers`); continue; }
  const ranked = [...byTerritory].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, topSpeakers] = ranked[0];
  const second = ranked.length > 1 ? ranked[1][1] : 0;
  if (!sovereign.includes(top)) { drop('most speakers in a dependent or contested territory'); continue; }
  if (unusable.has(top)) { drop("the country's name is inside another country's name"); continue; }
  if (topSpeakers < DOMINANCE * second) { drop(`top country has fewer than ${DOMINANCE}x the next one's speakers`); continue; }
  const answers = names.get(top);
  if ([...names.values()].flat().some((s) => containsWord(name, s))) { drop('language name contains a country name'); continue; }
  const aliases = uniq(['short', 'variant'].map((alt) => languageNames[`${base}-alt-${alt}`]).filter(Boolean))
    .filter((a) => norm(a) !== norm(name) && !/[()]/u.test(a));
  items.push({
    id: `cldr-language:${base}`,
    question: `In which country do the most people speak ${name}?`,
    answers,
    concept: name,
    ...(aliases.length ? { conceptAliases: aliases } : {}),
    frequency: total,
    relation: 'country with the most speakers',
    meta: { languageCode: base, secondShare: Number((second / topSpeakers).toFixed(3)), territoryCode: top },
  });
}

items.sort((a, b) => b.frequency - a.frequency || (a.id < b.id ? -1 : 1));

// Checks
const decades = new Set(items.map((i) => Math.floor(Math.log10(i.frequency))));
if (items.length < MIN_ITEMS) throw new Error(`only ${items.length} items (need ${MIN_ITEMS})`);
if (decades.size < 5) throw new Error(`only ${decades.size} decades of speakers`);
if (new Set(items.map((i) => i.id)).size !== items.length) throw new Error('duplicate ids');
if (new Set(items.map((i) => norm(i.concept))).size !== items.length) throw new Error('duplicate concepts');
for (const i of items) {
  if (i.answers.length === 0) throw new Error(`${i.id}: no answers`);
  if (i.answers.some((a) => containsWord(i.question, a))) throw new Error(`${i.id}: an answer is in the question`);
}

// Output, keys in the canonical order
const lines = items.map((i) => JSON.stringify({ id: i.id, question: i.question, answers: i.answers, concept: i.concept,
  ...(i.conceptAliases ? { conceptAliases: i.conceptAliases } : {}), frequency: i.frequency, relation: i.relation,
  meta: i.meta }));
writeFileSync(join(OUT_DIR, `${DATASET_NAME}.jsonl`), `${lines.join('\n')}\n`);
const yaml = (s) => JSON.stringify(s);
const countries = new Set(items.map((i) => i.meta.territoryCode)).size;
const manifest = [
  `name: ${DATASET_NAME}`,
  `version: ${yaml(DATASET_VERSION)}`,
  `description: ${yaml(`"In which country do the most people speak <language>?" questions about ${items.length} languages, each asked only where one country has at least ${DOMINANCE} times the speakers of any other (${countries} countries as answers). The language's estimated number of speakers worldwide is the frequency.`)}`,
  'license: Unicode-3.0',
  `source: ${yaml(`Unicode CLDR ${EXPECTED_VERSIONS['cldr-core']}: territory populations and language population shares (supplemental/territoryInfo.json, npm package cldr-core ${EXPECTED_VERSIONS['cldr-core']}) and English display names (npm package cldr-localenames-full ${EXPECTED_VERSIONS['cldr-localenames-full']})`)}`,
  `attribution: ${yaml('Contains Unicode CLDR data, Copyright © 2004-2026 Unicode, Inc., under the Unicode License v3 (world-languages.LICENSE.txt beside this file).')}`,
  `frequencySource: ${yaml("estimated speakers worldwide: the sum over territories of population × the language's population share in CLDR, a proxy for how often the language is written about, not a measured corpus frequency")}`,
  'bucketing: log10',
  '',
].join('\n');
writeFileSync(join(OUT_DIR, `${DATASET_NAME}.manifest.yaml`), manifest);
writeFileSync(join(OUT_DIR, `${DATASET_NAME}.LICENSE.txt`), readFileSync(join(HERE, 'node_modules', 'cldr-core', 'LICENSE'), 'utf8'));

console.log(`wrote ${items.length} items (${countries} answer countries), speakers ${items.at(-1).frequency} to ${items[0].frequency}`);
const perDecade = {};
for (const i of items) {
  const d = `1e${Math.floor(Math.log10(i.frequency))}`;
  perDecade[d] = (perDecade[d] ?? 0) + 1;
}
console.log('per decade:', JSON.stringify(perDecade));
console.log('dropped:', JSON.stringify(dropped, null, 1));
