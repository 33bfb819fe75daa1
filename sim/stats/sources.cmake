list(APPEND FORLOB_SOURCES stats/CellDistribution.cpp stats/SharedDistribution.cpp)
