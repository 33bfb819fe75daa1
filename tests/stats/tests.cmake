list(APPEND FORLOB_TEST_SOURCES stats/CellDistributionTest.cpp)
