"""The fast HTML reader (polesocial/htmlreader.py) gives exactly html.parser's calls: for every
page the build writes, and for random HTML made of regular and irregular pieces (where it must
hand the text to html.parser itself)."""

import random
from html.parser import HTMLParser

from polesocial import htmlreader


class Recorder:
    """A handler of htmlreader.parse: every call it gets."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        if name.startswith("handle_") or name == "unknown_decl":
            return lambda *args: self.calls.append((name, args))
        raise AttributeError(name)


class Reference(HTMLParser):
    """html.parser, its calls recorded by this test (not by the module it judges)."""

    def __init__(self, convert: bool):
        super().__init__(convert_charrefs=convert)
        self.calls = []

    def handle_starttag(self, tag, attrs):
        self.calls.append(("handle_starttag", (tag, attrs, self.get_starttag_text())))

    def handle_startendtag(self, tag, attrs):
        self.calls.append(("handle_startendtag", (tag, attrs, self.get_starttag_text())))


for _name in ("handle_endtag", "handle_data", "handle_entityref", "handle_charref",
              "handle_comment", "handle_decl", "handle_pi", "unknown_decl"):
    setattr(Reference, _name, lambda self, *args, _name=_name: self.calls.append((_name, args)))


def both(html: str, convert: bool):
    fast, reference = Recorder(), Reference(convert)
    htmlreader.parse(html, fast, convert)
    reference.feed(html)
    reference.close()
    return fast.calls, reference.calls


def test_every_built_page_reads_as_html_parser_reads_it(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    read_fast = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for convert in (False, True):
            fast, reference = both(html, convert)
            assert fast == reference, page
            read_fast += htmlreader._events(html, convert) is not None
    # The pages are the reader's regular HTML: none was left to html.parser.
    assert read_fast == 2 * len(pages)


PIECES = ["<p>", "</p>", '<a href="x&amp;y">', "<a href=x/>", "<a href=x>", "<br/>", "<br />",
          "&amp;", "&amp", "& ", "&#123;", "&#x1F;", "&#12a", "&foo;", "&", "<", ">", "< p>",
          "<!-- c -->", "<!--x--  >", "<!---->", "<!DOCTYPE html>", "<!foo>", "<?pi?>",
          "<![CDATA[x]]>", "<script>a<b</script>", "<style>p{}</style >", "<SCRIPT>x</script>",
          "<script>", "</script>", "texte ", "«", "نص", "<IMG SRC='a' ALT>", '<b class="">',
          "</ b>", "</b x>", '<a\nhref="1"\n>', '<a href = "x">', "<x-y:z a=1>", "&nbsp",
          ";", '<span lang=ar dir="rtl">', "<a b>", "<a b=>", '<p\tclass="x">',
          "<a href='x\"y'>", "<div  >", "</div\n>", "</>", "<a/b>", '<a href="x"/>',
          '<svg><path d="M0 0"/></svg>', "\r\n", "&#0;", "&AMP;", "&amp;x", "&lt;b&gt;",
          "<a =b>", "<a b==c>", '<a b="1"c="2">', "<a b=1/>", "<a b=1 />", "<a\x00>"]


def test_random_html_reads_as_html_parser_reads_it():
    chance = random.Random(20261202)
    for _ in range(6000):
        html = "".join(chance.choice(PIECES) for _ in range(chance.randint(1, 12)))
        for convert in (False, True):
            fast, reference = both(html, convert)
            assert fast == reference, repr(html)
