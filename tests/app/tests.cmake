list(APPEND FORLOB_TEST_SOURCES app/CliTest.cpp app/ForecastCliTest.cpp)
