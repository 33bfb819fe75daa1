list(APPEND FORLOB_SOURCES
  forecast/EvaluationLayout.cpp
  forecast/ObservedFigures.cpp
  forecast/ObservedRounds.cpp
  forecast/EvaluationForecast.cpp
  forecast/ForecastRows.cpp
  forecast/ForecastCsv.cpp
  forecast/ForecastJson.cpp
  forecast/ForecastTable.cpp)
