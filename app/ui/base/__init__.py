"""What every book's screens share: the application context and its change
signal, the operation runner, widgets and table models, labels of the
domain's codes, this station's preferences, printing a PDF, and the slots
one book fills on another's screen."""
