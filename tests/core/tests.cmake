list(APPEND FORLOB_TEST_SOURCES core/LargestRemainderTest.cpp core/ContentHashTest.cpp)
