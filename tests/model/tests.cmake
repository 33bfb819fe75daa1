list(APPEND FORLOB_TEST_SOURCES model/FillModelTest.cpp model/TraineeModelTest.cpp model/TallyTest.cpp
     model/SpecialistStockTest.cpp)
