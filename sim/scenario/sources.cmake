list(APPEND FORLOB_SOURCES scenario/JsonReader.cpp scenario/ScenarioLoader.cpp)
