list(APPEND FORLOB_TEST_SOURCES output/CsvFormatTest.cpp output/OutputDirectoryTest.cpp output/YearlyCsvTest.cpp output/AnchorsCsvTest.cpp output/SummaryJsonTest.cpp output/ConsoleTableTest.cpp)
