"""rpython.tool: helpers for writing RPython at import time."""
