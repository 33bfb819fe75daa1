list(APPEND FORLOB_TEST_SOURCES
  scenario/JsonReaderTest.cpp
  scenario/ScenarioLoaderTest.cpp
  scenario/ShippedScenariosTest.cpp
  scenario/ParameterTableTest.cpp
  scenario/FittedFillLayerTest.cpp
  scenario/JsonLimitsTest.cpp
  scenario/ParameterRegistryTest.cpp
  scenario/ScenarioHardeningTest.cpp
  scenario/ValidatedScenariosRunTest.cpp

  scenario/LayerChecksTest.cpp
  scenario/ScenarioRecordTest.cpp
  scenario/SourceCitationsTest.cpp
  scenario/FittedApplicantsLayerTest.cpp)
