list(APPEND FORLOB_TEST_SOURCES
  calibration/CsvTableTest.cpp
  calibration/PostingRecordsTest.cpp
  calibration/PublishedFiguresTest.cpp
  calibration/BetaBinomialTest.cpp
  calibration/GridPosteriorTest.cpp
  calibration/FillFitTest.cpp
  calibration/FittedFillFileTest.cpp
  calibration/HistoryValidationTest.cpp
  calibration/RecoveryTest.cpp
  calibration/ApplicantFitTest.cpp
  calibration/ApplicantRecoveryTest.cpp
  calibration/FittedApplicantsFileTest.cpp
  calibration/TraineeRecordsTest.cpp
  calibration/ShippedDataTest.cpp
  calibration/BackcastTest.cpp)
