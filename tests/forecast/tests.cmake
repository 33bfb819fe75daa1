list(APPEND FORLOB_TEST_SOURCES
  forecast/ObservedFiguresTest.cpp
  forecast/EvaluationLayoutTest.cpp
  forecast/ObservedRoundsTest.cpp
  forecast/EvaluationForecastTest.cpp)
