# KeyedStream is header-only: its draws sit in the innermost loop.
