list(APPEND FORLOB_SOURCES engine/Divergence.cpp engine/Replication.cpp engine/ReplicationDriver.cpp engine/Runner.cpp engine/TaskRange.cpp)
