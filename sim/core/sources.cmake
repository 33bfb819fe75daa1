list(APPEND FORLOB_SOURCES core/LargestRemainder.cpp)
