(function () {
  'use strict';
  var island = document.getElementById('tailgap-items');
  if (!island) { return; }
  var data = JSON.parse(island.textContent);
  // an item is [id, question, answers, answer, outcome, bucket, frequency, relation, error]
  var items = data.items;
  var outcomes = data.outcomes;
  var buckets = data.buckets;
  var relations = data.relations;
  var PAGE = 50;
  var hay = new Array(items.length);
  for (var i = 0; i < items.length; i++) {
    var it = items[i];
    hay[i] = [it[0], it[1] || '', it[2].join('\n'), it[3] || '', it[8] || ''].join('\n').toLowerCase();
  }
  var fBucket = document.getElementById('f-bucket');
  var fOutcome = document.getElementById('f-outcome');
  var fRelation = document.getElementById('f-relation');
  var fSearch = document.getElementById('f-search');
  var body = document.getElementById('samples-body');
  var status = document.getElementById('samples-status');
  var prev = document.getElementById('page-prev');
  var next = document.getElementById('page-next');
  var matches = [];
  var page = 0;
  var fmt = function (n) { return n.toLocaleString('en-US'); };

  function wanted(select) {
    return select && select.value !== '' ? Number(select.value) : -1;
  }

  function apply() {
    var b = wanted(fBucket);
    var o = wanted(fOutcome);
    var r = wanted(fRelation);
    var terms = fSearch.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    var out = [];
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (b >= 0 && it[5] !== b) { continue; }
      if (o >= 0 && it[4] !== o) { continue; }
      if (r >= 0 && it[7] !== r) { continue; }
      var ok = true;
      for (var t = 0; t < terms.length; t++) {
        if (hay[i].indexOf(terms[t]) < 0) { ok = false; break; }
      }
      if (ok) { out.push(i); }
    }
    matches = out;
    page = 0;
    render();
  }

  function cell(row, text, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (text !== null && text !== undefined) { td.appendChild(document.createTextNode(String(text))); }
    row.appendChild(td);
    return td;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / PAGE));
    if (page >= pages) { page = pages - 1; }
    var start = page * PAGE;
    var end = Math.min(matches.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      var idx = matches[k];
      var it = items[idx];
      var tr = document.createElement('tr');
      tr.setAttribute('data-outcome', outcomes[it[4]]);
      tr.setAttribute('data-bucket', buckets[it[5]]);
      cell(tr, fmt(idx + 1), 'num');
      cell(tr, buckets[it[5]], 'nowrap');
      cell(tr, it[6], 'num');
      var q = cell(tr, it[1], 'text question');
      q.title = it[0] + (it[7] >= 0 ? ' \u00b7 ' + relations[it[7]] : '');
      cell(tr, it[2].join(' | '), 'text gold');
      var a = cell(tr, null, 'answer');
      var box = document.createElement('div');
      box.appendChild(document.createTextNode(it[4] === outcomes.indexOf('ERROR') ? (it[8] || '') : (it[3] || '')));
      a.appendChild(box);
      var oc = cell(tr, null, 'outcome');
      var badge = document.createElement('span');
      badge.className = 'badge ' + outcomes[it[4]];
      badge.appendChild(document.createTextNode(outcomes[it[4]].toLowerCase()));
      oc.appendChild(badge);
      var why = cell(tr, null, 'text why');
      var reason = it[9] || '';
      if (it[10]) {
        var verdict = document.createElement('span');
        verdict.className = 'verdict';
        verdict.appendChild(document.createTextNode('judge: ' + it[10]));
        why.appendChild(verdict);
        why.appendChild(document.createTextNode(' '));
        if (reason.indexOf('judge: ' + it[10]) === 0) {
          reason = reason.substring(('judge: ' + it[10]).length).replace(/^ - /, '');
        }
      }
      why.appendChild(document.createTextNode(reason));
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    status.textContent = matches.length === 0 ? 'No item matches.'
      : 'Showing ' + fmt(start + 1) + '\u2013' + fmt(end) + ' of ' + fmt(matches.length)
        + (matches.length === items.length ? ' items' : ' matching items (of ' + fmt(items.length) + ')');
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  var timer = null;
  fSearch.addEventListener('input', function () {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(function () { timer = null; apply(); }, 120);
  });
  [fBucket, fOutcome, fRelation].forEach(function (s) { if (s) { s.addEventListener('change', apply); } });
  prev.addEventListener('click', function () { if (page > 0) { page--; render(); } });
  next.addEventListener('click', function () { page++; render(); });
  document.getElementById('samples-controls').hidden = false;
  apply();
  if (window.performance && performance.mark) { performance.mark('tailgap-items-ready'); }
})();
