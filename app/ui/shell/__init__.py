"""The application's shell: start-up, sign-in, the main window that holds
every book's tab, users and settings."""
