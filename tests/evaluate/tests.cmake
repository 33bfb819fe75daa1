list(APPEND FORLOB_TEST_SOURCES
  evaluate/RoundReportsTest.cpp
  evaluate/AbcPosteriorTest.cpp)
