list(APPEND FORLOB_SOURCES engine/Replication.cpp engine/Runner.cpp)
