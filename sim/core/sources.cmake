list(APPEND FORLOB_SOURCES core/LargestRemainder.cpp core/TextFile.cpp core/CsvRecords.cpp core/AtomicFile.cpp core/ContentHash.cpp)
