set(FORLOB_APP_SOURCES app/main.cpp app/Commands.cpp app/ProgressBar.cpp app/Benchmark.cpp)
