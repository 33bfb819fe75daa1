list(APPEND FORLOB_SOURCES core/LargestRemainder.cpp core/TextFile.cpp)
