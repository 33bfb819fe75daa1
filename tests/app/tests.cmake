list(APPEND FORLOB_TEST_SOURCES app/CliTest.cpp app/CalibrationCliTest.cpp app/ReportCliTest.cpp app/ForecastCliTest.cpp app/SensitivityCliTest.cpp app/HardeningCliTest.cpp app/WhatIfCliTest.cpp)
