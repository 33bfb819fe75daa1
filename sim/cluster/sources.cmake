list(APPEND FORLOB_SOURCES
  cluster/DistributionJson.cpp
  cluster/ShardHeader.cpp
  cluster/PartialState.cpp
  cluster/ShardSet.cpp)
