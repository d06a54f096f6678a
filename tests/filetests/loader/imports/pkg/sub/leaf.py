# `import sibling` is an implicit relative import (Python 2): pkg.sub.sibling.
import sibling
from .. import helpers
from ..helpers import CONST
LEAF = helpers.double(CONST) + sibling.OFFSET
