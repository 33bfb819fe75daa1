set(FORLOB_APP_SOURCES
  app/main.cpp
  app/Commands.cpp
  app/RunFlags.cpp
  app/RunCommands.cpp
  app/ValidateCommand.cpp
  app/ProgressBar.cpp
  app/Benchmark.cpp)
