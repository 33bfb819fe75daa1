list(APPEND FORLOB_SOURCES report/TidyCsv.cpp report/Findings.cpp report/RunSummary.cpp report/YearlyTable.cpp report/HeadlinesCsv.cpp
  report/SweepCsv.cpp report/FillModelsCsv.cpp report/SensitivityCsv.cpp report/ForecastCsv.cpp report/ReportInputs.cpp report/Chart.cpp
  report/FanChart.cpp report/FlowsChart.cpp report/TornadoChart.cpp report/SobolChart.cpp report/MorrisChart.cpp
  report/ForecastChart.cpp report/EvaluationSection.cpp report/ReportCharts.cpp report/Gnuplot.cpp report/Base64.cpp report/HtmlReport.cpp
  report/Report.cpp)
