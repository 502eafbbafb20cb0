"""Pure Python rules of the program: no Qt, no database."""
