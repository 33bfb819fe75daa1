list(APPEND FORLOB_SOURCES core/LargestRemainder.cpp core/TextFile.cpp core/CsvRecords.cpp core/AtomicFile.cpp core/SignalCleanup.cpp core/ContentHash.cpp)
