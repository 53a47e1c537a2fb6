/* Collaboration figures (E7): draws the bar chart of tasks and completed tasks per department asked from the
   data-chart attribute the page renders; the table next to it holds the same numbers. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var element = document.querySelector('.collaboration-chart');
    if (!element || typeof window.echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    element.style.height = Math.max(240, data.names.length * 36 + 80) + 'px';
    var chart = window.echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: data.labels },
      grid: { left: 8, right: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.names, inverse: true },
      series: [
        { name: data.labels[0], type: 'bar', data: data.count },
        { name: data.labels[1], type: 'bar', data: data.completed }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
