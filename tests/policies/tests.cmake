list(APPEND FORLOB_TEST_SOURCES policies/FlexSchemeTest.cpp policies/ExtraordinaryTrialTest.cpp)
