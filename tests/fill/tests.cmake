list(APPEND FORLOB_TEST_SOURCES fill/ApplicantPoolTest.cpp)
