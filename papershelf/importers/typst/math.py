"""Typst math as the TeX a summary's math renderer (KaTeX) typesets.

Typst writes ``frac(a, b)``, ``sqrt(x)``, ``alpha``, ``x_(i+1)``, ``(a+b)/2``,
``p_"data"`` and ``arrow.r``; TeX writes ``\\frac{a}{b}``, ``\\sqrt{x}``, ``\\alpha``,
``x_{i+1}``, ``\\frac{a+b}{2}``, ``p_{\\text{data}}`` and ``\\rightarrow``. The common
vocabulary is translated; a name we do not know stays readable as upright text
(``\\mathrm{name}``), and math we cannot read at all is kept as written, as code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GREEK = (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi",
    "chi", "psi", "omega",
)  # fmt: skip
_SYMBOLS: dict[str, str] = {
    **{name: f"\\{name}" for name in _GREEK if name != "omicron"},
    **{name.capitalize(): f"\\{name.capitalize()}" for name in _GREEK},
    "omicron": "o", "Alpha": "A", "Beta": "B", "Epsilon": "E", "Zeta": "Z", "Eta": "H",
    "Iota": "I", "Kappa": "K", "Mu": "M", "Nu": "N", "Omicron": "O", "Rho": "P", "Tau": "T",
    "Chi": "X",
    "epsilon.alt": "\\varepsilon", "phi.alt": "\\varphi", "theta.alt": "\\vartheta",
    "rho.alt": "\\varrho", "sigma.alt": "\\varsigma", "pi.alt": "\\varpi",
    "kappa.alt": "\\varkappa",
    "infinity": "\\infty", "oo": "\\infty", "partial": "\\partial", "diff": "\\partial",
    "nabla": "\\nabla", "dif": "\\mathrm{d}", "Delta": "\\Delta", "ell": "\\ell", "hbar": "\\hbar",
    "planck.reduce": "\\hbar", "in": "\\in", "in.not": "\\notin", "forall": "\\forall",
    "exists": "\\exists", "emptyset": "\\emptyset", "nothing": "\\emptyset", "times": "\\times",
    "dot": "\\cdot", "dot.op": "\\cdot", "dot.c": "\\cdot", "plus.minus": "\\pm",
    "minus.plus": "\\mp", "approx": "\\approx", "equiv": "\\equiv", "prop": "\\propto",
    "subset": "\\subset", "subset.eq": "\\subseteq", "supset": "\\supset",
    "supset.eq": "\\supseteq", "union": "\\cup", "sect": "\\cap", "inter": "\\cap",
    "union.big": "\\bigcup", "sect.big": "\\bigcap", "and": "\\land", "or": "\\lor",
    "not": "\\neg", "sum": "\\sum", "product": "\\prod", "integral": "\\int",
    "integral.double": "\\iint", "integral.cont": "\\oint", "lim": "\\lim", "max": "\\max",
    "min": "\\min", "sup": "\\sup", "inf": "\\inf", "log": "\\log", "ln": "\\ln", "exp": "\\exp",
    "sin": "\\sin", "cos": "\\cos", "tan": "\\tan", "sinh": "\\sinh", "cosh": "\\cosh",
    "tanh": "\\tanh", "arcsin": "\\arcsin", "arccos": "\\arccos", "arctan": "\\arctan",
    "det": "\\det", "dim": "\\dim", "ker": "\\ker", "arg": "\\arg", "gcd": "\\gcd",
    "mod": "\\bmod", "Pr": "\\Pr", "liminf": "\\liminf", "limsup": "\\limsup",
    "RR": "\\mathbb{R}", "NN": "\\mathbb{N}", "ZZ": "\\mathbb{Z}", "QQ": "\\mathbb{Q}",
    "CC": "\\mathbb{C}", "EE": "\\mathbb{E}", "PP": "\\mathbb{P}", "HH": "\\mathbb{H}",
    "degree": "^{\\circ}", "star": "\\star", "ast": "\\ast", "circle": "\\circ",
    "compose": "\\circ", "angle.l": "\\langle", "angle.r": "\\rangle", "chevron.l": "\\langle",
    "chevron.r": "\\rangle", "quad": "\\quad", "wide": "\\qquad", "qquad": "\\qquad",
    "thin": "\\,", "med": "\\:", "thick": "\\;", "space": "\\ ", "dots": "\\dots",
    "dots.h": "\\dots", "dots.h.c": "\\cdots", "dots.c": "\\cdots", "dots.v": "\\vdots",
    "dots.down": "\\ddots", "sim": "\\sim", "tilde.op": "\\sim", "tilde.eq": "\\simeq",
    "lt": "<", "gt": ">", "eq": "=", "lt.eq": "\\le", "gt.eq": "\\ge", "eq.not": "\\ne",
    "lt.double": "\\ll", "gt.double": "\\gg", "lt.tilde": "\\lesssim", "gt.tilde": "\\gtrsim",
    "approx.eq": "\\approxeq", "colon.eq": ":=", "eq.def": "\\overset{\\text{def}}{=}",
    "prec": "\\prec", "succ": "\\succ", "plus": "+", "minus": "-", "div": "\\div",
    "divides": "\\mid", "parallel": "\\parallel", "perp": "\\perp", "top": "\\top",
    "bot": "\\bot", "prime": "'", "xor": "\\oplus", "plus.circle": "\\oplus",
    "times.circle": "\\otimes", "dot.circle": "\\odot", "arrow.r": "\\rightarrow",
    "arrow.l": "\\leftarrow", "arrow.t": "\\uparrow", "arrow.b": "\\downarrow",
    "arrow.r.double": "\\Rightarrow", "arrow.l.double": "\\Leftarrow",
    "arrow.l.r": "\\leftrightarrow", "arrow.l.r.double": "\\Leftrightarrow",
    "arrow.r.long": "\\longrightarrow", "arrow.r.bar": "\\mapsto", "arrow.r.squiggly": "\\leadsto",
    "arrow.r.hook": "\\hookrightarrow", "harpoons.rtlb": "\\rightleftharpoons", "bar.v": "\\vert",
    "bar.v.double": "\\|", "aleph": "\\aleph", "Re": "\\Re", "Im": "\\Im", "dagger": "\\dagger",
    "checkmark": "\\checkmark", "square": "\\square", "qed": "\\blacksquare",
    "triangle": "\\triangle",
    "without": "\\setminus", "complement": "\\complement", "models": "\\models",
    "tack.r": "\\vdash", "therefore": "\\therefore", "because": "\\because",
}  # fmt: skip
_SHORTHANDS = {
    "<=>": "\\Leftrightarrow", "<==>": "\\Longleftrightarrow", "==>": "\\Longrightarrow",
    "-->": "\\longrightarrow", "|->": "\\mapsto", "<->": "\\leftrightarrow", "->": "\\to",
    "<-": "\\leftarrow", "=>": "\\Rightarrow", "<=": "\\le", ">=": "\\ge", "!=": "\\ne",
    ":=": ":=", "<<": "\\ll", ">>": "\\gg", "...": "\\dots", "||": "\\Vert", "~": "\\sim",
    "*": "\\ast", "[|": "[\\![", "|]": "]\\!]",
}  # fmt: skip
_ACCENTS = {
    "hat": "\\hat", "tilde": "\\tilde", "bar": "\\bar", "overline": "\\overline",
    "underline": "\\underline", "dot": "\\dot", "dot.double": "\\ddot", "diaer": "\\ddot",
    "ddot": "\\ddot", "arrow": "\\vec", "vec.arrow": "\\vec", "breve": "\\breve",
    "acute": "\\acute", "grave": "\\grave", "caron": "\\check", "circle": "\\mathring",
}  # fmt: skip
_STYLES = {
    "cal": "\\mathcal", "bb": "\\mathbb", "bold": "\\mathbf", "upright": "\\mathrm",
    "italic": "\\mathit", "sans": "\\mathsf", "mono": "\\mathtt", "frak": "\\mathfrak",
    "scr": "\\mathscr", "op": "\\operatorname",
}  # fmt: skip
_DELIMITED = {
    "abs": ("\\lvert ", " \\rvert"), "norm": ("\\lVert ", " \\rVert"),
    "floor": ("\\lfloor ", " \\rfloor"), "ceil": ("\\lceil ", " \\rceil"),
    "round": ("\\lfloor ", " \\rceil"),
}  # fmt: skip
_ENVIRONMENTS = {"vec": "pmatrix", "mat": "pmatrix", "cases": "cases"}
_TOKEN_RE = re.compile(
    r'(?P<string>"(?:\\.|[^"\\])*")'
    r"|(?P<shorthand><==>|<=>|==>|-->|\|->|<->|->|<-|=>|<=|>=|!=|:=|<<|>>|\.\.\.|\|\||\[\||\|\])"
    r"|(?P<name>[^\W\d_](?:[^\W_]|\.(?=[^\W\d_]))*)"
    r"|(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<linebreak>\\(?=\s|$))"
    r"|(?P<escape>\\u\{[0-9A-Fa-f]+\}|\\.)"
    r"|(?P<code>\#)"
    r"|(?P<space>\s+)"
    r"|(?P<char>.)",
    re.DOTALL,
)


@dataclass
class _Token:
    kind: str
    text: str


@dataclass
class _Atom:
    tex: str
    group: str | None = None  # the inside of "( … )", kept for fractions and attachments


class _Unreadable(Exception):
    pass


def typst_math_to_tex(source: str, *, display: bool = False) -> str:
    """The TeX for Typst math ``source`` (without its dollar signs)."""
    tokens = [_Token(m.lastgroup or "char", m[0]) for m in _TOKEN_RE.finditer(source)]
    parser = _Parser(_without_code(tokens))
    rows = parser.rows(closer=None)
    tex = " \\\\ ".join(" & ".join(cells) for cells in rows)
    if display and (len(rows) > 1 or any(len(cells) > 1 for cells in rows)):
        return "\\begin{aligned} " + tex + " \\end{aligned}"
    return tex


def _without_code(tokens: list[_Token]) -> list[_Token]:
    """ "#h(1em)" or "#sym.arrow" inside math: code we cannot run; a name is kept."""
    kept: list[_Token] = []
    skip_call = False
    for index, token in enumerate(tokens):
        if token.kind == "code":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            skip_call = bool(following and following.text in ("h", "v"))
            continue
        if skip_call:
            if token.kind == "name":
                continue
            if token.text == "(":
                kept.append(_Token("skip", "("))
                skip_call = False
                continue
            skip_call = False
        kept.append(token)
    return _drop_skipped(kept)


def _drop_skipped(tokens: list[_Token]) -> list[_Token]:
    kept: list[_Token] = []
    depth = 0
    for token in tokens:
        if token.kind == "skip":
            depth = 1
            continue
        if depth:
            depth += token.text == "("
            depth -= token.text == ")"
            continue
        kept.append(token)
    return kept


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def _peek(self, skip_space: bool = False) -> _Token | None:
        position = self.position
        while skip_space and position < len(self.tokens) and self.tokens[position].kind == "space":
            position += 1
        return self.tokens[position] if position < len(self.tokens) else None

    def _next(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _skip_space(self) -> None:
        while (token := self._peek()) is not None and token.kind == "space":
            self.position += 1

    def rows(self, closer: str | None, rows_by: str = "", cells_by: str = "") -> list[list[str]]:
        """Cells (``&`` or ``cells_by`` apart) of rows (``\\`` or ``rows_by`` apart) up
        to ``closer``."""
        rows: list[list[str]] = [[]]
        parts: list[str] = []
        while (token := self._peek()) is not None:
            if closer is not None and token.kind == "char" and token.text == closer:
                break
            if token.kind == "linebreak" or (token.kind == "char" and token.text in rows_by):
                self.position += 1
                rows[-1].append(" ".join(parts))
                rows.append([])
                parts = []
            elif token.text == "&" or (token.kind == "char" and token.text in cells_by):
                self.position += 1
                rows[-1].append(" ".join(parts))
                parts = []
            elif token.kind == "space":
                self.position += 1
            elif token.kind == "char" and token.text in ",;.!" and parts:
                self.position += 1
                parts[-1] += token.text  # "x, y": punctuation hugs what it follows
            else:
                parts.append(self._element().tex)
        rows[-1].append(" ".join(parts))
        if closer is not None:
            if self._peek() is None:
                raise _Unreadable(f"no closing {closer}")
            self.position += 1
        return [cells for cells in rows if any(cell for cell in cells)] or [[""]]

    def _element(self) -> _Atom:
        """An atom with its attachments, or a fraction ``a/b`` of two of them."""
        atom = self._attached(self._primary(top=True))
        following = self._peek(skip_space=True)
        if following is not None and following.kind == "char" and following.text == "/":
            self._skip_space()
            self.position += 1
            self._skip_space()
            if self._peek() is None:
                return _Atom(atom.tex + " /")
            denominator = self._attached(self._primary(top=False))
            numerator = atom.group if atom.group is not None else atom.tex
            denominator_tex = (
                denominator.group if denominator.group is not None else denominator.tex
            )
            return _Atom(f"\\frac{{{numerator}}}{{{denominator_tex}}}")
        return atom

    def _attached(self, atom: _Atom) -> _Atom:
        while (token := self._peek()) is not None and token.text in ("_", "^", "'"):
            self.position += 1
            if token.text == "'":
                atom = _Atom(atom.tex + "'")
                continue
            script = self._primary(top=False)
            inner = script.group if script.group is not None else script.tex
            atom = _Atom(f"{atom.tex}{token.text}{{{inner}}}")
        return atom

    def _primary(self, *, top: bool) -> _Atom:
        token = self._peek()
        if token is None:
            return _Atom("")
        self.position += 1
        if token.kind == "char" and token.text == "(":
            inner = self._group(")")
            return _Atom(f"({inner})", group=inner)
        if token.kind == "name":
            return self._name(token.text)
        if token.kind == "string":
            # Spaced as written: cases(0 " if " x < 0) asks for its spaces.
            text = _escape_text(token.text[1:-1].replace('\\"', '"'))
            return _Atom(f"\\text{{{text}}}")
        if token.kind == "shorthand":
            return _Atom(_SHORTHANDS[token.text])
        if token.kind == "escape":
            return _Atom(_escaped(token.text))
        if token.kind == "linebreak":
            return _Atom("\\\\")
        return _Atom(_char(token.text))

    def _group(self, closer: str) -> str:
        rows = self.rows(closer=closer)
        return " \\\\ ".join(" & ".join(cells) for cells in rows)

    def _name(self, name: str) -> _Atom:
        following = self._peek()
        called = following is not None and following.text == "(" and following.kind == "char"
        if not called:
            return _Atom(_symbol(name))
        self.position += 1
        return _Atom(self._call(name))

    def _call(self, name: str) -> str:
        if name in _ENVIRONMENTS:
            # mat(1, 2; 3, 4) has rows by ";"; vec(a, b) and cases(x, y) by ",".
            by = (";", ",") if name == "mat" else (",", "")
            rows = self.rows(closer=")", rows_by=by[0], cells_by=by[1])
            rows = [[cell for cell in cells if not _is_named(cell)] for cells in rows]
            body = " \\\\ ".join(" & ".join(cells) for cells in rows if cells)
            environment = _ENVIRONMENTS[name]
            return f"\\begin{{{environment}}} {body} \\end{{{environment}}}"
        arguments = [cell for cells in self.rows(closer=")", cells_by=",") for cell in cells]
        arguments = [argument for argument in arguments if argument and not _is_named(argument)]
        return _called(name, arguments)


def _called(name: str, arguments: list[str]) -> str:
    first = arguments[0] if arguments else ""
    if name == "frac" and len(arguments) == 2:
        return f"\\frac{{{arguments[0]}}}{{{arguments[1]}}}"
    if name == "binom" and len(arguments) == 2:
        return f"\\binom{{{arguments[0]}}}{{{arguments[1]}}}"
    if name == "sqrt":
        return f"\\sqrt{{{first}}}"
    if name == "root" and len(arguments) == 2:
        return f"\\sqrt[{arguments[0]}]{{{arguments[1]}}}"
    if name in _ACCENTS:
        return f"{_ACCENTS[name]}{{{first}}}"
    if name in _STYLES:
        # op("argmax") or op(argmax): the operator's name, set once.
        inner = re.sub(r"^\\(?:text|mathrm)\{(.*)\}$", r"\1", first) if name == "op" else first
        return f"{_STYLES[name]}{{{inner}}}"
    if name in _DELIMITED:
        opening, closing = _DELIMITED[name]
        return f"{opening}{first}{closing}"
    if name in ("overbrace", "underbrace") and arguments:
        label = f"^{{{arguments[1]}}}" if name == "overbrace" and len(arguments) > 1 else ""
        label = f"_{{{arguments[1]}}}" if name == "underbrace" and len(arguments) > 1 else label
        return f"\\{name}{{{first}}}{label}"
    if name in ("lr", "limits", "scripts", "display", "inline", "mid", "class", "text", "upper"):
        return " ".join(arguments)
    if name == "cancel":
        return f"\\cancel{{{first}}}"
    if name == "attach" and arguments:
        return first
    # "f(x)", "sin(x)", "E(X)": the function's name, then its arguments in parentheses.
    return f"{_symbol(name)}({', '.join(arguments)})"


def _is_named(cell: str) -> bool:
    """ "delim: \"[\"" inside mat(…): a setting, no cell."""
    return bool(re.match(r"^\\?(?:mathrm\{)?[a-z][\w-]*\}?\s*:(?!=)", cell))


def _symbol(name: str) -> str:
    if name in _SYMBOLS:
        return _SYMBOLS[name]
    base = name.split(".")[0]
    if "." in name and base in _SYMBOLS:
        return _SYMBOLS[base]
    if len(name) == 1:
        return name
    return f"\\mathrm{{{name}}}"


def _char(text: str) -> str:
    # "|" as \vert: a bar in a Markdown line would split a table's cell.
    escaped = {
        "{": "\\{",
        "}": "\\}",
        "%": "\\%",
        "#": "\\#",
        "$": "\\$",
        "~": "\\sim",
        "|": "\\vert",
    }
    return escaped.get(text, text)


def _escaped(text: str) -> str:
    if text.startswith("\\u{"):
        return chr(int(text[3:-1], 16))
    return _char(text[1:])


def _escape_text(text: str) -> str:
    return re.sub(r"([{}%#$&_])", r"\\\1", text)


def convert_math(source: str, *, display: bool = False) -> str | None:
    """TeX for ``source``, or None when it cannot be read (unbalanced brackets)."""
    try:
        return typst_math_to_tex(source, display=display)
    except (_Unreadable, IndexError, ValueError):
        return None
