list(APPEND FORLOB_SOURCES fill/IndependentFill.cpp fill/ApplicantPool.cpp fill/MakeFillMechanism.cpp)
