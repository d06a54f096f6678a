# A package whose __init__ imports its own submodule relatively.
from . import helpers
from .helpers import double
PKG_VALUE = double(21)
