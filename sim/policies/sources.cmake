list(APPEND FORLOB_SOURCES policies/FlexScheme.cpp policies/ExtraordinaryTrial.cpp policies/PolicySet.cpp)
