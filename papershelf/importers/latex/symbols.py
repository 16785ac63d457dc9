"""What LaTeX's commands stand for in text: characters, accents, fonts, and the many
commands that only set up a document or its look, whose arguments are no words."""

from __future__ import annotations

import unicodedata

# Accents over the letter that follows: "\'e", "\"{o}", "\c c", "\v{s}".
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331",
}  # fmt: skip
ACCENT_COMMANDS = frozenset(_ACCENTS)

# Commands without arguments that stand for a character or a few.
SYMBOLS = {
    "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»", "S": "§",
    "P": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®",
    "texttrademark": "™", "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
    "textdegree": "°", "degree": "°", "textasciitilde": "~", "textasciicircum": "^",
    "textbar": "|", "textless": "<", "textgreater": ">", "textbullet": "•",
    "textperiodcentered": "·", "textbackslash": "\\", "textunderscore": "\\_", "dag": "†",
    "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡", "ss": "ß", "aa": "å", "AA": "Å",
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł",
    "i": "ı", "j": "ȷ", "LaTeX": "LaTeX", "TeX": "TeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX",
    "slash": "/", "textmu": "µ", "textpm": "±", "texttimes": "×", "textdiv": "÷",
    "checkmark": "✓", "textsection": "§", "textparagraph": "¶", "textminus": "−",
    "textonehalf": "½", "textperthousand": "‰", "textnumero": "№", "textrightarrow": "→",
    "textleftarrow": "←", "quad": " ", "qquad": " ", "enspace": " ", "thinspace": " ",
    "space": " ", "enskip": " ", "hfill": " ", "hfil": " ", "dotfill": " ", "hrulefill": " ",
    "and": ", ", "AND": ", ", "today": "", "newline": "\n", "linebreak": "\n", "cr": "\n",
    "break": "\n", "par": "\n\n", "smallskip": "\n\n", "medskip": "\n\n", "bigskip": "\n\n",
    "vfill": "\n\n", "tiny": "", "scriptsize": "", "footnotesize": "", "small": "",
    "normalsize": "", "large": "", "Large": "", "LARGE": "", "huge": "", "Huge": "",
    "centering": "", "raggedright": "", "raggedleft": "", "noindent": "", "indent": "",
    "relax": "", "protect": "", "null": "", "leavevmode": "", "nobreak": "", "pause": "",
    "newpage": "\n\n", "clearpage": "\n\n", "cleardoublepage": "\n\n", "pagebreak": "\n\n",
    "maketitle": "", "titlepage": "", "tableofcontents": "", "listoffigures": "",
    "listoftables": "", "appendix": "", "frontmatter": "", "mainmatter": "",
    "backmatter": "", "printbibliography": "", "printindex": "", "makeatletter": "",
    "makeatother": "", "footnotemark": "", "selectfont": "", "normalfont": "",
    "ignorespaces": "", "unskip": "", "hline": "", "toprule": "", "midrule": "",
    "bottomrule": "", "endhead": "", "endfirsthead": "", "endfoot": "", "endlastfoot": "",
    "tabularnewline": "\n", "item": "", "onehalfspacing": "", "doublespacing": "",
    "singlespacing": "", "sloppy": "", "fussy": "", "ttfamily": "", "rmfamily": "",
    "sffamily": "", "upshape": "", "mdseries": "", "strut": "", "vline": "", "hrule": "",
    "titlegraphic": "", "insertframenumber": "", "inserttotalframenumber": "", "pagenumbering": "",
}  # fmt: skip

# Escaped characters; those that mean something in Markdown stay escaped there.
ESCAPES = {
    "&": "&", "%": "%", "$": "\\$", "#": "\\#", "_": "\\_", "{": "{", "}": "}",
    " ": " ", ",": " ", ";": " ", ":": " ", "!": "", "/": "", "@": "", "-": "",
    "\\": "\n", "*": "",
}  # fmt: skip

# Font switches: "{\bfseries …}", "{\em …}", and the text commands of the same style.
BOLD_SWITCHES = frozenset({"bfseries", "bf", "boldmath"})
ITALIC_SWITCHES = frozenset({"itshape", "it", "em", "slshape", "sl"})
CODE_SWITCHES = frozenset({"tt"})
SWITCHES = (
    BOLD_SWITCHES
    | ITALIC_SWITCHES
    | CODE_SWITCHES
    | frozenset(
        {"scshape", "sc", "rm", "sf", "ttfamily", "rmfamily", "sffamily", "upshape", "mdseries"}
        | {"tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE"}
        | {"huge", "Huge", "normalfont", "centering", "raggedright", "raggedleft", "selectfont"}
    )
)
BOLD_COMMANDS = frozenset({"textbf", "alert", "bm", "boldsymbol", "mathbf"})
ITALIC_COMMANDS = frozenset({"emph", "textit", "textsl", "mathit", "textem"})
CODE_COMMANDS = frozenset({"texttt", "code", "path", "lstinline", "mintinline", "nolinkurl"})

# Commands of the preamble, the page's look and the document's machinery: their
# arguments (by the letters of ``scan.read_arguments``) are settings, never words.
SETTINGS: dict[str, str] = {
    "title": "om", "subtitle": "om", "author": "om", "date": "om", "documentclass": "om",
    "usepackage": "om", "RequirePackage": "om", "usetheme": "om",
    "usecolortheme": "om", "usefonttheme": "om", "useinnertheme": "om", "useoutertheme": "om",
    "setbeamercolor": "mm", "setbeamerfont": "mm", "setbeamertemplate": "mo",
    "setbeameroption": "m", "setbeamercovered": "m", "setbeamersize": "m",
    "addtobeamertemplate": "mmm", "AtBeginSection": "om", "AtBeginSubsection": "om",
    "AtBeginDocument": "m", "AtEndDocument": "m", "newcommand": "smoom",
    "renewcommand": "smoom", "providecommand": "smoom", "DeclareRobustCommand": "smoom",
    "newenvironment": "smoomm", "renewenvironment": "smoomm", "newtheorem": "smomo",
    "theoremstyle": "m", "DeclareMathOperator": "smm", "newcounter": "mo",
    "definecolor": "mmm", "colorlet": "mm", "hypersetup": "m", "geometry": "m",
    "setlength": "mm", "addtolength": "mm", "setcounter": "mm", "addtocounter": "mm",
    "stepcounter": "m", "pagestyle": "m", "thispagestyle": "m", "graphicspath": "m",
    "bibliographystyle": "m", "bibliography": "m", "addbibresource": "om", "nocite": "m",
    "input": "m", "include": "m", "includeonly": "m", "subfile": "m", "subfileinclude": "m",
    "import": "mm", "subimport": "mm", "inputminted": "omm", "lstinputlisting": "om",
    "lstset": "m", "setminted": "om", "usetikzlibrary": "m", "pgfplotsset": "m",
    "tikzset": "m", "sisetup": "m", "captionsetup": "om", "label": "m", "index": "m",
    "vspace": "sm", "hspace": "sm", "vskip": "", "hskip": "", "color": "om",
    "pagecolor": "om", "phantom": "m", "hphantom": "m", "vphantom": "m", "logo": "m",
    "institute": "om", "titlegraphic": "m", "subject": "m", "keywords": "m",
    "frenchspacing": "", "linespread": "m", "selectlanguage": "m", "setmainfont": "om",
    "setsansfont": "om", "setmonofont": "om", "newfontfamily": "mom", "urlstyle": "m",
    "newif": "m", "newlength": "m", "let": "", "def": "", "edef": "", "gdef": "",
    "thanks": "m", "inst": "m", "bibitem": "om", "newblock": "", "cline": "m",
    "cmidrule": "om", "rowcolor": "om", "cellcolor": "om", "arraystretch": "",
    "addlinespace": "o", "fontsize": "mm", "usefont": "mmmm", "captionof": "om",
    "mode": "", "setcopyright": "m", "acmConference": "ommm",
    "numberwithin": "mm", "setlist": "om", "newglossaryentry": "mm", "makeglossaries": "",
    "printglossaries": "", "glsaddall": "", "tcbuselibrary": "m", "newtcolorbox": "momm",
    "ExecuteBibliographyOptions": "m", "DeclareFieldFormat": "omm", "ifdefined": "",
    "againframe": "om", "includeslide": "om", "setkeys": "mm",
}  # fmt: skip

# Commands whose last argument is their text and the rest settings: "\textcolor{red}{…}".
WRAPPERS: dict[str, str] = {
    "textcolor": "omm", "colorbox": "omm", "fcolorbox": "ommm", "hyperlink": "mm",
    "hypertarget": "mm", "raisebox": "moom", "scalebox": "mom", "resizebox": "smmm",
    "rotatebox": "omm", "parbox": "ooomm", "makebox": "oom", "framebox": "oom", "fbox": "m",
    "mbox": "m", "hbox": "m", "text": "m", "textrm": "m", "textsf": "m", "textsc": "m",
    "textup": "m", "textmd": "m", "textnormal": "m", "underline": "m", "uline": "m",
    "ul": "m", "hl": "m", "sout": "m", "st": "m", "only": "m", "uncover": "m",
    "visible": "m", "onslide": "m", "alt": "mm", "temporal": "mmm", "structure": "m",
    "foreignlanguage": "om", "enquote": "sm", "textquote": "om", "mkbibquote": "m",
    "texorpdfstring": "mm", "ensuremath": "m", "textsuperscript": "m", "textsubscript": "m",
    "tcbox": "om", "adjustbox": "mm", "centerline": "m", "leftline": "m",
    "rightline": "m", "smash": "om", "textls": "om", "lowercase": "m", "uppercase": "m",
    "MakeUppercase": "m", "MakeLowercase": "m", "MakeTextUppercase": "m", "caps": "m",
    "multicolumn": "mmm", "multirow": "omomom", "acrshort": "m", "acrlong": "m",
    "acrfull": "m", "gls": "m", "Gls": "m", "glspl": "m",
}  # fmt: skip


def accented(accent: str, base: str) -> str:
    """ "e" under "\\'" → "é"; a dotless i or j takes the accent as "i" or "j" does."""
    base = base.replace("ı", "i").replace("ȷ", "j")
    if not base:
        return ""
    return unicodedata.normalize("NFC", base[0] + _ACCENTS[accent] + base[1:])
