list(APPEND FORLOB_TEST_SOURCES fuzz/FuzzRegressionsTest.cpp)
