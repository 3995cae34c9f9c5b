"""Running the engine over many files: the result ``cache`` (unchanged files are not analysed
again) and ``parallel`` worker processes that share the loaded model."""
