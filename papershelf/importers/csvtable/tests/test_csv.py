"""A reading tracker downloaded from a spreadsheet as CSV: rows of papers, shared tags."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.csvtable.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

TRACKER = (
    "Added,Title,Authors,Year,Venue,Link,Status,Tags,Notes\r\n"
    "2023-01-09,NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis,"
    '"Mildenhall, Srinivasan, Tancik",2020,ECCV,https://arxiv.org/abs/2003.08934,read,'
    '"nerf, foundations","positional encoding, and a note\r\nover two lines"\r\n'
    "2023-01-10,Fourier Features Let Networks Learn High Frequency Functions,Tancik et al.,"
    "2020,NeurIPS,arXiv:2006.10739,read,foundations,NTK view\r\n"
    "2023-02-01,Block-NeRF: Scalable Large Scene Neural View Synthesis,Tancik et al.,2022,"
    "CVPR,https://doi.org/10.1109/CVPR52688.2022.00807,read,nerf,\r\n"
    "2023-02-02,Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields,Barron et al.,2023,"
    "ICCV,https://arxiv.org/abs/2304.06706,to-read,nerf,\r\n"
    "2023-03-20,nerfstudio,Tancik et al.,,,https://github.com/nerfstudio-project/nerfstudio,"
    "tool,nerf,library\r\n"
    "2023-09-01,Gaussian splatting explained,,,,youtube (Two Minute Papers),watched,nerf,\r\n"
    "2023-09-03,Introduction to 3D Gaussian Splatting,Hugging Face blog,2023,,"
    "https://huggingface.co/blog/gaussian-splatting,read,nerf,blog post\r\n"
    ",,,,,,,,\r\n"
)


def test_each_row_of_a_tracker_is_a_paper_with_its_link_authors_year_and_notes() -> None:
    document = parse(TRACKER, "Reading Tracker - Papers.csv")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [p.arxiv_id or p.doi for p in papers] == [
        "2003.08934",
        "2006.10739",
        "10.1109/cvpr52688.2022.00807",
    ]
    nerf = document.entries[0]
    assert nerf.paper and (nerf.paper.year, nerf.paper.venue) == (2020, "ECCV")
    assert nerf.summary and "over two lines" in nerf.summary.markdown


def test_a_row_marked_to_read_is_left_out_and_the_report_says_why() -> None:
    document = parse(TRACKER, "tracker.csv")
    assert "Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields" not in [
        entry.paper.title for entry in document.entries if entry.paper
    ]
    assert any(
        "Zip-NeRF" in w.message and "marked “to-read”" in w.message for w in document.warnings
    )


def test_a_tag_becomes_a_topic_only_when_several_paper_rows_share_it() -> None:
    document = parse(TRACKER, "tracker.csv")
    assert document.entry_topics == {0: ["nerf", "foundations"], 1: ["foundations"], 2: ["nerf"]}


def test_a_tab_with_no_title_column_names_no_paper_and_says_why() -> None:
    document = parse("Dataset,Size,License\nDTU,80 GB,research\n", "Datasets.csv")
    assert document.entries == []
    assert "not a list of papers" in document.warnings[0].message


def test_a_folder_with_a_tracker_and_another_tab_imports_the_papers_and_skips_the_tab(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "Papers.csv").write_text(TRACKER, encoding="utf-8")
    (tmp_path / "Datasets.csv").write_text("Dataset,Size\nDTU,80 GB\n", encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.count() == 3
    assert [o.name for o in report.files_with("skipped")] == ["Datasets.csv"]
    assert set(Topic.objects.values_list("name", flat=True)) == {"nerf", "foundations"}


def test_a_sheet_whose_rows_are_all_marked_to_read_names_no_paper_not_even_its_header() -> None:
    queue = (
        "Title,Authors,Link,Status\n"
        "Masked Autoencoders Are Scalable Vision Learners,He et al.,"
        "https://arxiv.org/abs/2111.06377,to read\n"
        "Swin Transformer,Liu et al.,https://arxiv.org/abs/2103.14030,backlog\n"
    )
    document = parse(queue, "To read.csv")
    assert document.entries == []  # not a paper titled "Title | Authors | Link | Status"
    assert "no row names a paper read" in document.warnings[-1].message


def test_a_sheet_of_one_row_is_no_paper_titled_by_its_header() -> None:
    document = parse("Title,Year\nSwin Transformer,2021\n", "Reading.csv")
    assert [entry.paper.title for entry in document.entries if entry.paper] != ["Year"]


def test_a_sheet_of_one_paper_is_that_paper_with_its_notes() -> None:
    text = (
        "Title,Authors,Year,Link,Status,Notes\n"
        "Attention Is All You Need,Vaswani et al.,2017,https://arxiv.org/abs/1706.03762,Read,"
        "Self-attention only; no recurrence.\n"
    )
    [entry] = parse(text, "sheet.csv").entries
    assert entry.paper is not None
    assert (entry.paper.title, entry.paper.arxiv_id, entry.paper.year) == (
        "Attention Is All You Need",
        "1706.03762",
        2017,
    )
    assert entry.summary is not None
    assert entry.summary.markdown == "Self-attention only; no recurrence."


def test_a_sheet_of_one_paper_to_read_names_no_paper_read() -> None:
    text = "Title,Year,Status\nAttention Is All You Need,2017,To read\n"
    assert parse(text, "sheet.csv").entries == []


def test_a_zotero_csv_leaves_out_books_chapters_theses_web_pages_and_reports() -> None:
    text = (
        '\ufeff"Key","Item Type","Publication Year","Author","Title","DOI"\n'
        '"A1","journalArticle","2011","Schmidt, Michael W. I.","Persistence of soil organic '
        'matter as an ecosystem property","10.1038/nature10386"\n'
        '"A2","book","2017","Brady, Nyle C.","The Nature and Properties of Soils",""\n'
        '"A3","bookSection","1996","Nelson, D. W.","Total Carbon, Organic Carbon, and Organic '
        'Matter",""\n'
        '"A4","webpage","2015","","The international 4 per 1000 Initiative",""\n'
    )
    document = parse(text, "Ch2.csv")
    titles = [entry.paper.title for entry in document.entries if entry.paper]
    assert titles == ["Persistence of soil organic matter as an ecosystem property"]
    messages = " ".join(warning.message for warning in document.warnings)
    assert "a book, not a paper" in messages and "a bookSection, not a paper" in messages
