list(APPEND FORLOB_SOURCES
  calibration/CsvTable.cpp
  calibration/PostingRecords.cpp
  calibration/PublishedFigures.cpp
  calibration/Backcast.cpp
  calibration/BetaBinomial.cpp
  calibration/GridPosterior.cpp
  calibration/FillFit.cpp
  calibration/FittedFillFile.cpp
  calibration/FittedApplicantsFile.cpp
  calibration/ApplicantFit.cpp
  calibration/HistoryValidation.cpp
  calibration/Recovery.cpp
  calibration/ApplicantRecovery.cpp
  calibration/TraineeRecords.cpp
  calibration/CalibrationReport.cpp)
