list(APPEND FORLOB_SOURCES model/Tally.cpp model/FillModel.cpp model/TraineeModel.cpp)
