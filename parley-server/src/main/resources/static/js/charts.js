/*
 * Parley performance charts with uPlot: the response rate of each period against the target, and the distribution of
 * response times. The figures come from the page (data-chart, JSON written by the server); the tables beside the
 * charts show the same figures as text.
 */
(function () {
  'use strict';
  if (!window.uPlot) { return; }

  var BLUE = '#2458d3';
  var RED = '#b42318';

  /** Draws the target across the plot, whatever the number of periods. */
  function targetLine(value) {
    return function (u) {
      var y = u.valToPos(value, 'y', true);
      var ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = RED;
      ctx.lineWidth = 2;
      ctx.setLineDash([8, 5]);
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
      ctx.stroke();
      ctx.restore();
    };
  }

  function categories(labels) {
    return {
      splits: function () { return labels.map(function (l, i) { return i; }); },
      values: function (u, vals) { return vals.map(function (v) { return labels[v] || ''; }); }
    };
  }

  function rate(el, data, width) {
    var labels = data.labels || [];
    var opts = {
      width: width,
      height: 240,
      legend: { show: false },
      scales: { x: { time: false, range: [-0.6, Math.max(labels.length, 1) - 0.4] }, y: { range: [0, 100] } },
      series: [
        {},
        { label: el.getAttribute('data-t-rate'), stroke: BLUE, fill: 'rgba(36, 88, 211, 0.45)',
          paths: window.uPlot.paths.bars({ size: [0.6, 56] }), points: { show: false } }
      ],
      axes: [categories(labels), { values: function (u, vals) { return vals.map(function (v) { return v + '%'; }); } }],
      hooks: { draw: [targetLine(data.target)] }
    };
    return new window.uPlot(opts, [data.x, data.rate], el);
  }

  function times(el, data, width) {
    var labels = data.labels || [];
    var opts = {
      width: width,
      height: 220,
      legend: { show: false },
      scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      series: [
        { value: function (u, v) { return v == null ? '' : (labels[v] || ''); } },
        { label: el.getAttribute('data-t-count'), stroke: BLUE, fill: 'rgba(36, 88, 211, 0.35)',
          paths: window.uPlot.paths.bars({ size: [0.7, 64] }), points: { show: false } }
      ],
      axes: [
        categories(labels),
        { values: function (u, vals) { return vals.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } }
      ]
    };
    return new window.uPlot(opts, [data.x, data.count], el);
  }

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data;
    try { data = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
    var width = Math.max(260, el.clientWidth);
    var plot = el.getAttribute('data-chart-kind') === 'rate' ? rate(el, data, width) : times(el, data, width);
    window.addEventListener('resize', function () {
      plot.setSize({ width: Math.max(260, el.clientWidth), height: plot.height });
    });
    el.setAttribute('data-drawn', 'true');
  });
})();
