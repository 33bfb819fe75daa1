list(APPEND FORLOB_TEST_SOURCES
  scenario/JsonReaderTest.cpp
  scenario/ScenarioLoaderTest.cpp
  scenario/ShippedScenariosTest.cpp
  scenario/ParameterTableTest.cpp
  scenario/FittedFillLayerTest.cpp
  scenario/FittedApplicantsLayerTest.cpp)
