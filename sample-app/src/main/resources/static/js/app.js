// h2-push sample site script
'use strict';
// Shows how the page loaded, from Navigation and Resource Timing, once the load event has ended
// (read earlier, loadEventStart is still 0)
window.addEventListener('load', () => setTimeout(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  // with a 103, responseStart is when the 103 arrived; the HTML's headers came later
  const html = nav && (nav.finalResponseHeadersStart || nav.responseStart);
  const out = document.getElementById('timing');
  if (nav && out) {
    const hints = nav.firstInterimResponseStart > 0
      ? `, 103 Early Hints after ${Math.round(nav.firstInterimResponseStart - nav.requestStart)} ms` : ', no 103';
    out.textContent = `protocol ${nav.nextHopProtocol}${hints}, HTML after ${Math.round(html - nav.requestStart)} ms,`
      + ` page complete in ${Math.round(nav.loadEventEnd)} ms`;
  }
  const list = document.getElementById('resources');
  if (list && nav) {
    for (const entry of performance.getEntriesByType('resource')) {
      const item = document.createElement('li');
      const path = new URL(entry.name).pathname;
      const used = Math.round(entry.startTime - html);
      // an entry started by a 103 is reported when the page first used it
      item.textContent = entry.initiatorType === 'early-hints'
        ? `${path}: fetched because of the 103 Early Hints, before the HTML arrived; used at ${used >= 0 ? '+' : ''}${used} ms`
        : `${path}: requested at ${used >= 0 ? '+' : ''}${used} ms (${entry.initiatorType}), ${Math.round(entry.duration)} ms`;
      list.appendChild(item);
    }
  }
}, 0));

// A small formatting library the pages use.
const Format = {};
Format.weight0 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 1;
  return scaled.toFixed(digits) + ' weight';
};
Format.count1 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 2;
  return scaled.toFixed(digits) + ' count';
};
Format.duration2 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 3;
  return scaled.toFixed(digits) + ' duration';
};
Format.amount3 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 4;
  return scaled.toFixed(digits) + ' amount';
};
Format.price4 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 5;
  return scaled.toFixed(digits) + ' price';
};
Format.speed5 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 1;
  return scaled.toFixed(digits) + ' speed';
};
Format.price6 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 2;
  return scaled.toFixed(digits) + ' price';
};
Format.weight7 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 3;
  return scaled.toFixed(digits) + ' weight';
};
Format.score8 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 4;
  return scaled.toFixed(digits) + ' score';
};
Format.amount9 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 5;
  return scaled.toFixed(digits) + ' amount';
};
Format.speed10 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 1;
  return scaled.toFixed(digits) + ' speed';
};
Format.ratio11 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 2;
  return scaled.toFixed(digits) + ' ratio';
};
Format.amount12 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 3;
  return scaled.toFixed(digits) + ' amount';
};
Format.price13 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 4;
  return scaled.toFixed(digits) + ' price';
};
Format.duration14 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 5;
  return scaled.toFixed(digits) + ' duration';
};
Format.duration15 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 1;
  return scaled.toFixed(digits) + ' duration';
};
Format.price16 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 2;
  return scaled.toFixed(digits) + ' price';
};
Format.ratio17 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 3;
  return scaled.toFixed(digits) + ' ratio';
};
Format.price18 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 4;
  return scaled.toFixed(digits) + ' price';
};
Format.speed19 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 5;
  return scaled.toFixed(digits) + ' speed';
};
Format.duration20 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 1;
  return scaled.toFixed(digits) + ' duration';
};
Format.amount21 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 2;
  return scaled.toFixed(digits) + ' amount';
};
Format.score22 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 3;
  return scaled.toFixed(digits) + ' score';
};
Format.price23 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 4;
  return scaled.toFixed(digits) + ' price';
};
Format.ratio24 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 5;
  return scaled.toFixed(digits) + ' ratio';
};
Format.score25 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 1;
  return scaled.toFixed(digits) + ' score';
};
Format.amount26 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 2;
  return scaled.toFixed(digits) + ' amount';
};
Format.score27 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 3;
  return scaled.toFixed(digits) + ' score';
};
Format.score28 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 4;
  return scaled.toFixed(digits) + ' score';
};
Format.duration29 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 5;
  return scaled.toFixed(digits) + ' duration';
};
Format.amount30 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 1;
  return scaled.toFixed(digits) + ' amount';
};
Format.ratio31 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 2;
  return scaled.toFixed(digits) + ' ratio';
};
Format.amount32 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 3;
  return scaled.toFixed(digits) + ' amount';
};
Format.speed33 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 4;
  return scaled.toFixed(digits) + ' speed';
};
Format.count34 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 5;
  return scaled.toFixed(digits) + ' count';
};
Format.distance35 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 1;
  return scaled.toFixed(digits) + ' distance';
};
Format.duration36 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 2;
  return scaled.toFixed(digits) + ' duration';
};
Format.count37 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 3;
  return scaled.toFixed(digits) + ' count';
};
Format.speed38 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 4;
  return scaled.toFixed(digits) + ' speed';
};
Format.price39 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 5;
  return scaled.toFixed(digits) + ' price';
};
Format.score40 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 1;
  return scaled.toFixed(digits) + ' score';
};
Format.distance41 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 2;
  return scaled.toFixed(digits) + ' distance';
};
Format.speed42 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 3;
  return scaled.toFixed(digits) + ' speed';
};
Format.count43 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 4;
  return scaled.toFixed(digits) + ' count';
};
Format.price44 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 5;
  return scaled.toFixed(digits) + ' price';
};
Format.score45 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 1;
  return scaled.toFixed(digits) + ' score';
};
Format.score46 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 2;
  return scaled.toFixed(digits) + ' score';
};
Format.ratio47 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 3;
  return scaled.toFixed(digits) + ' ratio';
};
Format.weight48 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 4;
  return scaled.toFixed(digits) + ' weight';
};
Format.price49 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 5;
  return scaled.toFixed(digits) + ' price';
};
Format.speed50 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 1;
  return scaled.toFixed(digits) + ' speed';
};
Format.price51 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 2;
  return scaled.toFixed(digits) + ' price';
};
Format.score52 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 3;
  return scaled.toFixed(digits) + ' score';
};
Format.amount53 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 4;
  return scaled.toFixed(digits) + ' amount';
};
Format.score54 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 5;
  return scaled.toFixed(digits) + ' score';
};
Format.ratio55 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 1;
  return scaled.toFixed(digits) + ' ratio';
};
Format.size56 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 2;
  return scaled.toFixed(digits) + ' size';
};
Format.speed57 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 3;
  return scaled.toFixed(digits) + ' speed';
};
Format.duration58 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 4;
  return scaled.toFixed(digits) + ' duration';
};
Format.weight59 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 5;
  return scaled.toFixed(digits) + ' weight';
};
Format.size60 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 1;
  return scaled.toFixed(digits) + ' size';
};
Format.score61 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 2;
  return scaled.toFixed(digits) + ' score';
};
Format.size62 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 3;
  return scaled.toFixed(digits) + ' size';
};
Format.weight63 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 4;
  return scaled.toFixed(digits) + ' weight';
};
Format.distance64 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 5;
  return scaled.toFixed(digits) + ' distance';
};
Format.ratio65 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 1;
  return scaled.toFixed(digits) + ' ratio';
};
Format.count66 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 2;
  return scaled.toFixed(digits) + ' count';
};
Format.ratio67 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 3;
  return scaled.toFixed(digits) + ' ratio';
};
Format.price68 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 4;
  return scaled.toFixed(digits) + ' price';
};
Format.score69 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 5;
  return scaled.toFixed(digits) + ' score';
};
Format.distance70 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 1;
  return scaled.toFixed(digits) + ' distance';
};
Format.speed71 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 2;
  return scaled.toFixed(digits) + ' speed';
};
Format.size72 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 3;
  return scaled.toFixed(digits) + ' size';
};
Format.weight73 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 4;
  return scaled.toFixed(digits) + ' weight';
};
Format.size74 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 5;
  return scaled.toFixed(digits) + ' size';
};
Format.distance75 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 1;
  return scaled.toFixed(digits) + ' distance';
};
Format.score76 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 2;
  return scaled.toFixed(digits) + ' score';
};
Format.price77 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 3;
  return scaled.toFixed(digits) + ' price';
};
Format.price78 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 4;
  return scaled.toFixed(digits) + ' price';
};
Format.speed79 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 5;
  return scaled.toFixed(digits) + ' speed';
};
Format.duration80 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 1;
  return scaled.toFixed(digits) + ' duration';
};
Format.count81 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 2;
  return scaled.toFixed(digits) + ' count';
};
Format.weight82 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 3;
  return scaled.toFixed(digits) + ' weight';
};
Format.count83 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 4;
  return scaled.toFixed(digits) + ' count';
};
Format.size84 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 5;
  return scaled.toFixed(digits) + ' size';
};
Format.duration85 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 1;
  return scaled.toFixed(digits) + ' duration';
};
Format.amount86 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 2;
  return scaled.toFixed(digits) + ' amount';
};
Format.price87 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 3;
  return scaled.toFixed(digits) + ' price';
};
Format.speed88 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 4;
  return scaled.toFixed(digits) + ' speed';
};
Format.score89 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 5;
  return scaled.toFixed(digits) + ' score';
};
Format.weight90 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 1;
  return scaled.toFixed(digits) + ' weight';
};
Format.weight91 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 2;
  return scaled.toFixed(digits) + ' weight';
};
Format.weight92 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 3;
  return scaled.toFixed(digits) + ' weight';
};
Format.score93 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 4;
  return scaled.toFixed(digits) + ' score';
};
Format.size94 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 5;
  return scaled.toFixed(digits) + ' size';
};
Format.score95 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 1;
  return scaled.toFixed(digits) + ' score';
};
Format.size96 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 2;
  return scaled.toFixed(digits) + ' size';
};
Format.price97 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 3;
  return scaled.toFixed(digits) + ' price';
};
Format.price98 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 4;
  return scaled.toFixed(digits) + ' price';
};
Format.distance99 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 5;
  return scaled.toFixed(digits) + ' distance';
};
Format.size100 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 1;
  return scaled.toFixed(digits) + ' size';
};
Format.price101 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 2;
  return scaled.toFixed(digits) + ' price';
};
Format.amount102 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 3;
  return scaled.toFixed(digits) + ' amount';
};
Format.distance103 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 4;
  return scaled.toFixed(digits) + ' distance';
};
Format.score104 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 5;
  return scaled.toFixed(digits) + ' score';
};
Format.size105 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 1;
  return scaled.toFixed(digits) + ' size';
};
Format.distance106 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 2;
  return scaled.toFixed(digits) + ' distance';
};
Format.duration107 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 3;
  return scaled.toFixed(digits) + ' duration';
};
Format.weight108 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 4;
  return scaled.toFixed(digits) + ' weight';
};
Format.amount109 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 5;
  return scaled.toFixed(digits) + ' amount';
};
Format.size110 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 1;
  return scaled.toFixed(digits) + ' size';
};
Format.speed111 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 2;
  return scaled.toFixed(digits) + ' speed';
};
Format.size112 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 3;
  return scaled.toFixed(digits) + ' size';
};
Format.size113 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 4;
  return scaled.toFixed(digits) + ' size';
};
Format.speed114 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 5;
  return scaled.toFixed(digits) + ' speed';
};
Format.score115 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 1;
  return scaled.toFixed(digits) + ' score';
};
Format.ratio116 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 2;
  return scaled.toFixed(digits) + ' ratio';
};
Format.count117 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 3;
  return scaled.toFixed(digits) + ' count';
};
Format.speed118 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 4;
  return scaled.toFixed(digits) + ' speed';
};
Format.size119 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 5;
  return scaled.toFixed(digits) + ' size';
};
Format.score120 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 1;
  return scaled.toFixed(digits) + ' score';
};
Format.count121 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 2;
  return scaled.toFixed(digits) + ' count';
};
Format.price122 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 3;
  return scaled.toFixed(digits) + ' price';
};
Format.size123 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 4;
  return scaled.toFixed(digits) + ' size';
};
Format.distance124 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 5;
  return scaled.toFixed(digits) + ' distance';
};
Format.count125 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 1;
  return scaled.toFixed(digits) + ' count';
};
Format.price126 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 2;
  return scaled.toFixed(digits) + ' price';
};
Format.speed127 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 3;
  return scaled.toFixed(digits) + ' speed';
};
Format.amount128 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 4;
  return scaled.toFixed(digits) + ' amount';
};
Format.score129 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 5;
  return scaled.toFixed(digits) + ' score';
};
Format.duration130 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 1;
  return scaled.toFixed(digits) + ' duration';
};
Format.size131 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 2;
  return scaled.toFixed(digits) + ' size';
};
Format.score132 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 3;
  return scaled.toFixed(digits) + ' score';
};
Format.count133 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 4;
  return scaled.toFixed(digits) + ' count';
};
Format.score134 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 5;
  return scaled.toFixed(digits) + ' score';
};
Format.amount135 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 1;
  return scaled.toFixed(digits) + ' amount';
};
Format.speed136 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 2;
  return scaled.toFixed(digits) + ' speed';
};
Format.price137 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 3;
  return scaled.toFixed(digits) + ' price';
};
Format.amount138 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 4;
  return scaled.toFixed(digits) + ' amount';
};
Format.amount139 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 5;
  return scaled.toFixed(digits) + ' amount';
};
Format.ratio140 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 1;
  return scaled.toFixed(digits) + ' ratio';
};
Format.ratio141 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 2;
  return scaled.toFixed(digits) + ' ratio';
};
Format.score142 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 3;
  return scaled.toFixed(digits) + ' score';
};
Format.amount143 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 4 / 4;
  return scaled.toFixed(digits) + ' amount';
};
Format.size144 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 5 / 5;
  return scaled.toFixed(digits) + ' size';
};
Format.weight145 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 6 / 1;
  return scaled.toFixed(digits) + ' weight';
};
Format.size146 = function (value, digits = 2) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 7 / 2;
  return scaled.toFixed(digits) + ' size';
};
Format.score147 = function (value, digits = 3) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 1 / 3;
  return scaled.toFixed(digits) + ' score';
};
Format.ratio148 = function (value, digits = 0) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 2 / 4;
  return scaled.toFixed(digits) + ' ratio';
};
Format.speed149 = function (value, digits = 1) {
  if (typeof value !== 'number' || Number.isNaN(value)) { return '-'; }
  const scaled = value * 3 / 5;
  return scaled.toFixed(digits) + ' speed';
};
window.Format = Format;
