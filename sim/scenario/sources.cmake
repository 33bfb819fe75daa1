list(APPEND FORLOB_SOURCES scenario/JsonReader.cpp scenario/ScenarioDocument.cpp scenario/ScenarioLoader.cpp scenario/ParameterTable.cpp)
