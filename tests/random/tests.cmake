list(APPEND FORLOB_TEST_SOURCES random/KeyedStreamTest.cpp)
