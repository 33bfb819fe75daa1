list(APPEND FORLOB_SOURCES
  sensitivity/ParameterSpec.cpp
  sensitivity/FillGroups.cpp
  sensitivity/ScenarioParameters.cpp
  sensitivity/OutputSelection.cpp
  sensitivity/Evaluator.cpp
  sensitivity/SweepDesign.cpp
  sensitivity/Bootstrap.cpp
  sensitivity/SobolMethod.cpp
  sensitivity/MorrisMethod.cpp
  sensitivity/ReplicationNoise.cpp
  sensitivity/SensitivityAnalysis.cpp
  sensitivity/PointsCsv.cpp
  sensitivity/SensitivityCsv.cpp
  sensitivity/SensitivitySummaryJson.cpp
  sensitivity/SensitivityTables.cpp)
