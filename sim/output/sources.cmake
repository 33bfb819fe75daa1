list(APPEND FORLOB_SOURCES output/CsvFormat.cpp output/OutputDirectory.cpp output/YearlyCsv.cpp output/AnchorsCsv.cpp output/SummaryJson.cpp output/ConsoleTable.cpp)
