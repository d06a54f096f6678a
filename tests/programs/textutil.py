# A helper module for multimod.py that imports another helper.

from mathutil import LIMIT

def banner(text):
    return "[" + text + " " + str(LIMIT) + "]"
