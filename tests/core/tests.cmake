list(APPEND FORLOB_TEST_SOURCES core/LargestRemainderTest.cpp)
