list(APPEND FORLOB_TEST_SOURCES app/CliTest.cpp app/SensitivityCliTest.cpp)
