list(APPEND FORLOB_TEST_SOURCES engine/ReplicationTest.cpp engine/IdentitiesTest.cpp engine/RunnerTest.cpp engine/ReplicationDriverTest.cpp engine/GoldenTest.cpp engine/TaskRangeTest.cpp)
