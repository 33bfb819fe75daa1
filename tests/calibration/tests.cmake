list(APPEND FORLOB_TEST_SOURCES calibration/BackcastTest.cpp)
