list(APPEND FORLOB_SOURCES model/Tally.cpp model/Layout.cpp model/FillModel.cpp model/TraineeModel.cpp
     model/SpecialistStock.cpp)
