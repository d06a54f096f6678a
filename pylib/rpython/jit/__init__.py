"""rpython.jit: only what targets import (codewriter.policy.JitPolicy)."""
