list(APPEND FORLOB_TEST_SOURCES cluster/DistributionJsonTest.cpp cluster/ShardHeaderTest.cpp)
