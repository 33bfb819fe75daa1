list(APPEND FORLOB_SOURCES scenario/JsonReader.cpp scenario/JsonText.cpp scenario/ScenarioDocument.cpp scenario/ScenarioLoader.cpp scenario/ParameterTable.cpp scenario/FittedFillLayer.cpp)
