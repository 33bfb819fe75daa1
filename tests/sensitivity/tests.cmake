list(APPEND FORLOB_TEST_SOURCES
  sensitivity/ParametersTest.cpp
  sensitivity/SweepDesignTest.cpp
  sensitivity/SobolMethodTest.cpp
  sensitivity/MorrisMethodTest.cpp
  sensitivity/EvaluatorTest.cpp)
