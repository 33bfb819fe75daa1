list(APPEND FORLOB_TEST_SOURCES stats/CellDistributionTest.cpp stats/SharedDistributionTest.cpp)
