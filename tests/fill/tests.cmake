list(APPEND FORLOB_TEST_SOURCES fill/ApplicantPoolTest.cpp fill/IndependentFillTest.cpp)
