list(APPEND FORLOB_TEST_SOURCES report/TidyCsvTest.cpp report/RunSummaryTest.cpp report/YearlyTableTest.cpp
  report/OptionalFilesTest.cpp report/ReportInputsTest.cpp report/ChartTest.cpp report/FanChartTest.cpp
  report/FlowsChartTest.cpp report/TornadoChartTest.cpp report/SensitivityChartsTest.cpp report/ForecastChartTest.cpp
  report/ReportChartsTest.cpp report/Base64Test.cpp report/GnuplotTest.cpp report/HtmlReportTest.cpp
  report/ReportTest.cpp report/EvaluationSectionTest.cpp)
