list(APPEND FORLOB_SOURCES
  evaluate/EvaluationPrior.cpp
  evaluate/RoundReports.cpp
  evaluate/ReferenceTable.cpp
  evaluate/ReportingDesign.cpp
  evaluate/AbcPosterior.cpp)
list(APPEND FORLOB_SOURCES
  evaluate/HeadlinePredictive.cpp
  evaluate/PowerAnalysis.cpp)
list(APPEND FORLOB_SOURCES evaluate/EvaluationFiles.cpp)
