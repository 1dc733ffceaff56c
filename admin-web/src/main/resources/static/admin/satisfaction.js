// Draws the satisfaction charts from /satisfaction/data. The page's tables hold the same numbers, so nothing
// is lost when scripts or the request fail: the canvases are then hidden.
(function () {
  'use strict';

  var COLORS = {
    brand: '#1f5fbf',
    brandSoft: 'rgba(31, 95, 191, 0.25)',
    ok: '#1e7d45',
    warn: '#a86200',
    bad: '#b42318',
    muted: '#5b6475'
  };
  var RATING_COLORS = [COLORS.bad, '#d0562c', COLORS.warn, '#5e8f3a', COLORS.ok];

  var root = document.getElementById('satisfaction-charts');
  if (!root) {
    return;
  }
  if (typeof window.Chart === 'undefined') {
    hideCanvases();
    return;
  }

  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Chart.defaults.animation = reducedMotion ? false : Chart.defaults.animation;
  Chart.defaults.color = COLORS.muted;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  fetch(root.getAttribute('data-source'), {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin'
  })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(hideCanvases);

  function draw(data) {
    var texts = data.texts;

    bar('rating-chart', data.ratings.labels, [{
      label: texts.surveys,
      data: data.ratings.surveys,
      backgroundColor: RATING_COLORS
    }], { y: countAxis() });

    bar('month-chart', data.months.labels, [{
      type: 'bar',
      label: texts.surveys,
      data: data.months.surveys,
      backgroundColor: COLORS.brandSoft,
      yAxisID: 'y'
    }, {
      type: 'line',
      label: texts.average,
      data: data.months.averages,
      borderColor: COLORS.brand,
      backgroundColor: COLORS.brand,
      spanGaps: true,
      yAxisID: 'rating'
    }], { y: countAxis(), rating: ratingAxis('right') });

    bar('department-chart', data.departments.labels, [{
      label: texts.average,
      data: data.departments.averages,
      backgroundColor: COLORS.brand
    }], { y: ratingAxis('left') });

    bar('times-chart', data.departments.labels, [{
      label: texts.firstResponse,
      data: data.departments.firstResponseMinutes,
      backgroundColor: COLORS.brand,
      yAxisID: 'y'
    }, {
      label: texts.resolution,
      data: data.departments.resolutionHours,
      backgroundColor: COLORS.warn,
      yAxisID: 'hours'
    }], {
      y: { beginAtZero: true, title: { display: true, text: texts.firstResponse } },
      hours: {
        beginAtZero: true,
        position: 'right',
        grid: { drawOnChartArea: false },
        title: { display: true, text: texts.resolution }
      }
    });
  }

  function bar(id, labels, datasets, scales) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        aspectRatio: 3,
        scales: scales,
        plugins: { legend: { display: datasets.length > 1 } }
      }
    });
  }

  function countAxis() {
    return { beginAtZero: true, ticks: { precision: 0 } };
  }

  function ratingAxis(position) {
    return { min: 0, max: 5, position: position, grid: { drawOnChartArea: position === 'left' } };
  }

  function hideCanvases() {
    var canvases = root.querySelectorAll('canvas');
    for (var i = 0; i < canvases.length; i++) {
      canvases[i].hidden = true;
    }
  }
})();
