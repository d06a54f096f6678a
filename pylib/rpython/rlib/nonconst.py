"""NonConstant(x): x, but the annotator must not treat it as a constant
(it sees a value of x's type).  Untranslated it is just x."""


def NonConstant(x):
    return x
