"""Fixtures for the ingest tests: invented articles in the genre of the real inputs, and tiny PDFs."""
from __future__ import annotations

import hashlib

from pipeline.core.ingest import SourceFile

TITLE = "Lakeside University and Yunnan Province launch joint centre for highland agriculture"

BODY = [
    "Lakeside University and the Yunnan Provincial Department of Science and Technology signed a five-year "
    "cooperation agreement on Tuesday to set up a joint research centre for highland agriculture in Kunming.",
    "Vice-President Mary Okafor and Deputy Director Zhou Lin signed the agreement, witnessed by senior officials "
    "from both sides. The centre will focus on plant genomics, soil science and water management.",
    "Under the agreement, the province will fund twenty doctoral places each year, while the university will "
    "share its greenhouse facilities and send visiting scholars to Yunnan.",
]

SCRAPED_PAGE = "\n".join([
    "Skip to main content",
    "|Home|About Us|Research|Campus Life|Alumni| 中文",
    "Home > News > Media Releases",
    "",
    TITLE,
    "",
    "3 Mar 2021",
    "",
    "Vice-President Mary Okafor (left) and Deputy Director Zhou Lin exchange the signed agreement",
    "",
    *[p + "\n" for p in BODY],
    "Video of the signing ceremony (Lakeside University Media Centre):",
    "https://video.example.edu/watch?id=4471",
    "",
    "Share: Facebook Twitter WeChat",
    "Print",
    "Back to top",
    "Research Highlights",
    "Campus Map",
    "Copyright © 2021 Lakeside University. All Rights Reserved.",
    "滇ICP备12345678号",
    "Technical Support: Example Web Services",
    "Website Maintenance: Campus IT Office; Tel: 86-871-5550100",
    "Sponsored by Lakeside University Office of Communications",
    "Your browser is not the latest version. Some pages may not display properly.",
    "You are recommended to upgrade to a newer browser.",
    "This website uses cookies to improve your experience. Accept all cookies",
])

FURNITURE_PHRASES = [
    "Skip to main content", "|Home|", "Home > News", "中文", "Video of", "https://", "Share:", "Print",
    "Back to top", "Copyright", "All Rights Reserved", "ICP", "Technical Support", "Website Maintenance",
    "Tel:", "Sponsored by", "Your browser", "recommended to upgrade", "cookies", "Campus Map",
]

# A PDF extraction that puts a blank line after every physical line, as some PDF-to-text tools do.
DOUBLE_SPACED = """ In March 2021, the Yunnan Provincial Government and Lakeside University announced a plan to \n
\n
build a joint research centre for highland agriculture in Kunming, with a budget of 40 million \n
\n
yuan over five years.  Professor Anna Berg, Dean of the Faculty of Agriculture, said the centre \n
\n
would bring together plant geneticists, soil scientists and hydrologists from both sides. \n
\n
 \n
\n
The centre will be led by Professor Li Na (Director: Centre for Highland Crops, Lakeside \n
\n
University) and will host visiting scholars from the Chinese Academy of Agricultural Sciences and the \n
\n
Kunming Institute of Botany.  Mrs. \n
\n
Berg added that the first projects would start in the autumn. \n
\n
 \n
\n
Partner laboratories: \n
\n
\uf0b7 Laboratory of Highland Crop Genomics (Director: Professor Li Na) \n
\n
\uf0b7 Laboratory of Mountain Water Resources (Director: Professor \n
\n
Tom Hale) \n
"""

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Lakeside News</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Lakeside University Newsroom">
<meta property="article:published_time" content="2021-03-03T09:30:00+08:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav>
<div class="cookie-banner">This website uses cookies. Accept all cookies</div>
<main><article>
<h1>{TITLE}</h1>
{''.join(f'<p>{p}</p>' for p in BODY)}
</article></main>
<footer><p>Copyright © 2021 Lakeside University. All Rights Reserved.</p></footer>
</body></html>
"""

MARKDOWN_PAGE = f"""---
title: "{TITLE}"
date: 2021-03-03
publisher: Lakeside University Newsroom
---

# {TITLE}

{BODY[0]}

The agreement was signed by **Vice-President Mary Okafor** and *Deputy Director Zhou Lin*, according to
a [statement](https://news.example.edu/statement) from the university.

- plant genomics
- soil science

![Officials at the signing ceremony in Kunming](https://img.example.edu/1.jpg)
"""

CHINESE_SIMPLIFIED = ("湖滨大学与云南省科学技术厅签署合作协议，双方将共建高原农业联合研究中心。"
                      "根据协议，双方将在植物基因组学、土壤科学和水资源管理等领域开展合作。")
CHINESE_TRADITIONAL = ("湖濱大學與雲南省科學技術廳簽署合作協議，雙方將共建高原農業聯合研究中心。"
                       "根據協議，雙方將在植物基因組學、土壤科學和水資源管理等領域開展合作。")
LATIN1_TEXT = ("Université de Genève signs cooperation agreement with Zhejiang\n\n"
               "The Université de Genève and the Zhejiang Provincial Department of Science and Technology signed "
               "a memorandum on café-culture research, naïve Bayes methods and Zürich-style façade engineering.")


def _pdf_escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string; a page with no strings draws only a box."""
    fonts = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects: list[bytes] = [b"", b"", fonts]  # catalog and page tree are filled in below
    kids = []
    for lines in pages:
        if lines:
            ops = b" ".join(b"(" + _pdf_escape(line) + b") Tj T*" for line in lines)
            content = b"BT /F1 11 Tf 14 TL 72 740 Td " + ops + b" ET"
        else:
            content = b"0.2 0.4 0.8 rg 72 300 300 200 re f"
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % content_id)
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


PDF_TITLE = "Joint centre for highland agriculture opens in Kunming"
PDF_PAGES = [
    [PDF_TITLE,
     "Lakeside University and the Yunnan Provincial Department of Science and Technology signed",
     "a five-year cooperation agreement on Tuesday to set up a joint research centre for highland",
     "agriculture in Kunming. The centre will focus on plant genomics, soil science and water"],
    ["management, and the province will fund twenty doctoral places each year.",
     "Both sides will also exchange visiting scholars from the autumn."],
]


def source(name: str, data: bytes) -> SourceFile:
    """A SourceFile as read_source would make it, without touching the disk."""
    return SourceFile(name, data, hashlib.sha256(data).hexdigest())
