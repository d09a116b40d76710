"""Fixtures for the ingest tests: invented articles in the genre of the real inputs, and tiny PDFs."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.ingest import SourceFile
from pipeline.core.ingest.furniture import FURNITURE_FILE, FurnitureRules, compile_furniture_rules
from pipeline.core.reference import DEFAULT_REFERENCE_DIR, read_rules

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



@dataclass(frozen=True)
class InventedPage:
    """A scraped page in the shape of another outlet, with what the stage must make of it."""

    text: str
    paragraphs: list[str]  # what clean_paragraphs gives
    title: str
    published_on: dt.date
    publisher: str | None


def invented_page(lines: list[str], published_on: dt.date, publisher: str | None,
                  title: str | None = None) -> InventedPage:
    """A page written as marked lines: "+ " content the clean text keeps, "- " furniture, "" a blank line.

    What follows the mark is the line as the page has it, indentation included; kept lines are expected
    back stripped, each as one paragraph, without the furniture glued to them that is marked {like this}.
    The title is the first kept line unless given.
    """
    assert all(line[:2] in ("+ ", "- ") or not line for line in lines)
    paragraphs = [_GLUED.sub("", line[2:]).strip() for line in lines if line.startswith("+ ")]
    return InventedPage(text="\n".join(_GLUED.sub(r"\1", line[2:]) for line in lines), paragraphs=paragraphs,
                        title=title or paragraphs[0], published_on=published_on, publisher=publisher)


_GLUED = re.compile(r"\{(.*?)\}")


GOVHK_PAGE = invented_page([
    "- Skip to main content", "- GovHK 香港政府一站通", "- 繁體版 | 简体版 | Text Only", "- Press Releases",
    "- Print this page | Email this page", "",
    "+ Hong Kong and Guangxi sign memorandum on technology exchange", "- " + "*" * 60, "",
    "+      The Innovation and Technology Commission (ITC) today (March 12) signed a Memorandum of Understanding "
    "with the Department of Science and Technology of Guangxi Zhuang Autonomous Region in Nanning to strengthen "
    "co-operation in research and technology transfer.", "",
    "+      The Memorandum was signed by the Commissioner for Innovation and Technology, Ms Irene Pang, and the "
    "Director of the Department, Mr Lu Wenbo. The two sides will set up a working group that meets every year to "
    "review joint projects in new materials and agricultural biotechnology.", "",
    "+      Ms Pang said the Memorandum would help universities bring their research results to the Beibu Gulf "
    "region.", "",
    "- Ends/Tuesday, March 12, 2024", "- Issued at HKT 17:05", "", "- NNNN", "",
    "- Today's Press Releases  | Back to top", "- 2024 | Important notices | Privacy Policy | Accessibility",
], dt.date(2024, 3, 12), None)

XINHUA_PAGE = invented_page([
    "- Home | China | World | Business | Sci-Tech | Culture | Photos | Video",
    "+ China, Portugal deepen cooperation in ocean science",
    "+ Source: Xinhua| 2021-09-23 21:14:05|Editor: huaxia", "- Video PlayerClose",
    "+ LISBON, Sept. 23 (Xinhua) -- China and Portugal on Thursday signed an agreement to build a joint "
    "laboratory for ocean and space science in the Azores, the Portuguese science ministry said.",
    "+ The laboratory will be run by the Chinese Academy of Sciences and the Portuguese Foundation for Science "
    "and Technology, and will focus on ocean observation, climate research and satellite data.",
    "+ Photo taken on Sept. 23, 2021 shows the signing ceremony in Lisbon, Portugal. (Xinhua/Zhang Liyun)",
    "+ \u201cThis is a milestone for our scientific partnership,\u201d said the minister at the ceremony.{ Enditem}",
    "- [Editor: huaxia]", "- Share", "- Follow us on Twitter | Facebook | YouTube", "- Related:",
    "- Copyright © 2000-2021 XINHUANET.com All rights reserved.", "- Back to Top",
], dt.date(2021, 9, 23), "Xinhua")

NEWSROOM_PAGE = invented_page([
    "- Menu", "- Search", "- News & Events", "- Home / News / 2022",
    "+ Riverside University signs research agreement with Guizhou Academy of Sciences",
    "+ Published: 18 August 2022", "- Share this page: Facebook Twitter LinkedIn Email",
    "+ Riverside University and the Guizhou Academy of Sciences signed a research cooperation agreement on "
    "16 August to set up a joint centre for karst ecology and big data.",
    "+ The agreement was signed by Professor Helen Marsh, Vice-Chancellor of Riverside University, and "
    "Professor Yang Jun, President of the Academy.",
    "- [Photo: Riverside University]",
    "+ Professor Helen Marsh (left) and Professor Yang Jun sign the agreement.",
    "+ The centre will train ten doctoral students a year and run a shared field station near Guiyang.",
    "- Tags: Research, International, Partnerships", "- Media enquiries", "- Jane Doe, Media Relations Manager",
    "- Tel: +44 1234 567890 | Email: j.doe@riverside.example.ac.uk", "- Follow us",
    "- Facebook  Twitter  Instagram  LinkedIn  YouTube",
    "- Contact us | Accessibility | Privacy notice | Cookies | Freedom of information",
    "- © Riverside University 2022", "- Last updated: 19 August 2022",
], dt.date(2022, 8, 18), "Riverside University")

PROVINCE_PAGE = invented_page([
    "- Home | About Guizhou | Government | News | Investment | Travel",
    "- Current location: Home > News > Local News",
    "+ Guizhou and Macao sign big data cooperation agreement",
    "+ 2020-07-08 16:40 Source: Guizhou Daily Author: Li Ming", "- Font size: [Large] [Medium] [Small]",
    "+ Guizhou Province and the Macao SAR government signed a cooperation agreement on big data and smart city "
    "technologies in Guiyang on Tuesday.",
    "+ Under the agreement, the two sides will set up a joint laboratory on data security and exchange "
    "researchers in cloud computing.",
    "- [Print] [Close]",
    "- Copyright © General Office of Guizhou Provincial People's Government. All Rights Reserved.",
    "- Registration Number: 黔ICP备05002727号-1", "- 黔公网安备 52010302000123号",
    "- Website Identification Code: 5200000001", "- Best viewed in IE 9.0 or above with a resolution of 1280*768",
    "- Address: No. 242 Zhonghua Road, Guiyang   Postcode: 550004",
], dt.date(2020, 7, 8), "Guizhou Daily")

CHINA_DAILY_PAGE = invented_page([
    "- Home | China | World | Business | Lifestyle | Culture | Travel | Video | Sports | Opinion",
    "- Home / China / Innovation",
    "+ Hong Kong, Hainan to build joint marine research platform",
    "+ By Zhang Wei in Haikou | chinadaily.com.cn | Updated: 2023-03-15 09:12",
    "+ Officials attend the signing ceremony in Haikou on Tuesday.{ [Photo provided to chinadaily.com.cn]}",
    "+ The Hong Kong University of Science and Technology and Hainan University will set up a joint research "
    "platform for marine science in Sanya, under an agreement signed on Tuesday.",
    "+ The platform will focus on coral reef restoration and deep-sea technology, the two universities said.",
    "- Share on",
    "- Copyright 1995 - 2023. All rights reserved. The content (including but not limited to text, photo, "
    "multimedia information, etc) published in this site belongs to China Daily Information Co (CDIC). Without "
    "written authorization from CDIC, such content shall not be republished or used in any form.",
    "- Note: Browsers with 1024*768 or higher resolution are suggested for this site.",
    "- License for publishing multimedia online 0108263", "- Registration Number: 130349",
], dt.date(2023, 3, 15), None)

HK_NEWSROOM_PAGE = invented_page([
    "- Skip to navigation", "- Skip to content", "- Search", "- Close", "- Menu", "- Press Releases",
    "+ 12 Apr 2021",
    "+ Lakeside University and Fujian launch joint institute for ocean technology",
    "+ Lakeside University and the Fujian Provincial Department of Science and Technology today launched a joint "
    "institute for ocean technology in Xiamen, the first of its kind between the two sides.",
    "+ The institute will be co-directed by Professor Mei Ling Chan and Dr Zheng Hao, and will focus on marine "
    "robotics, offshore wind and aquaculture.",
    "+ Photo 1: Professor Mei Ling Chan (left) and Dr Zheng Hao unveil the plaque of the institute.",
    "+ Photo 2: Guests at the launch ceremony.",
    "- Related News", "- Lakeside scholars win national science awards", "- New marine station opens in Sai Kung",
    "- Back to Top", "- Useful links", "- Copyright © Lakeside University", "- Privacy Policy | Disclaimer",
], dt.date(2021, 4, 12), "Lakeside University",
   title="Lakeside University and Fujian launch joint institute for ocean technology")

INVENTED_PAGES = [GOVHK_PAGE, XINHUA_PAGE, NEWSROOM_PAGE, PROVINCE_PAGE, CHINA_DAILY_PAGE, HK_NEWSROOM_PAGE]
PAGE_IDS = ["govhk", "xinhua", "newsroom", "province", "china_daily", "hk_newsroom"]


def edited_rules(folder: Path, edit) -> FurnitureRules:
    """The furniture rules of `folder` once the project's furniture.yaml is written there with `edit` applied:
    read and checked as the rulebook reads a rules file, then compiled."""
    shipped = (DEFAULT_REFERENCE_DIR / FURNITURE_FILE).read_text(encoding="utf-8")
    (folder / FURNITURE_FILE).write_text(edit(shipped), encoding="utf-8")
    return compile_furniture_rules(read_rules(folder, FURNITURE_FILE))
