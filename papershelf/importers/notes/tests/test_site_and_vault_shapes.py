"""Shapes of static sites, course pages and vaults: posts that cover several papers or
continue a series, paper shortcodes, a saved repository page, a course's definition
lists, literature notes on a library's books, a queue page, a stage page's "Papers"."""

from __future__ import annotations

import json
from pathlib import Path
from textwrap import dedent

import pytest

from papershelf.accounts.models import User
from papershelf.importers.html.parse import parse as parse_html
from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _titles(text: str, path: str = "_posts/2024-05-01-post.md") -> list[str]:
    return [e.paper.title for e in parse(dedent(text), path).entries if e.paper]


def _import(root: Path, user: User) -> dict[str, Paper]:
    import_paths([root], ImportOptions(user=user, fetch_metadata=False))
    return {paper.title: paper for paper in Paper.objects.all()}


def test_a_post_whose_opening_lists_the_papers_it_covers_is_the_notes_on_each() -> None:
    post = """\
        ---
        title: "Two takes on retrieval: ColBERT and SPLADE"
        tags: [retrieval]
        ---

        I read these back to back for our group.

        Papers discussed:

        1. Omar Khattab, Matei Zaharia. *ColBERT: Efficient and Effective Passage Search via Contextualized Late Interaction over BERT.* SIGIR 2020. [arXiv:2004.12832](https://arxiv.org/abs/2004.12832)
        2. Thibault Formal, Benjamin Piwowarski, Stéphane Clinchant. *SPLADE: Sparse Lexical and Expansion Model for First Stage Ranking.* SIGIR 2021. [arXiv:2107.05720](https://arxiv.org/abs/2107.05720)

        ## ColBERT

        Late interaction: a vector per token, MaxSim summed over the query.

        ## SPLADE

        Sparse expansion over the vocabulary, log-saturated.
        """  # noqa: E501
    document = parse(dedent(post), "_posts/2024-02-01-colbert-splade.md")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [p.arxiv_id for p in papers] == ["2004.12832", "2107.05720"]
    assert all(e.summary and "MaxSim" in e.summary.markdown for e in document.entries)
    assert not [w for w in document.warnings if "introduction" in w.message]


def test_a_later_part_of_a_series_takes_the_paper_of_the_part_it_links(
    tmp_path: Path, alice: User
) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2023-03-01-gpt3-part-1.md").write_text(
        "---\ntitle: 'GPT-3, part 1: the setup'\n---\n\n"
        "**Paper:** Tom B. Brown, Benjamin Mann, Nick Ryder. *Language Models are Few-Shot "
        "Learners.* NeurIPS 2020. [arXiv:2005.14165](https://arxiv.org/abs/2005.14165)\n\n"
        "In-context learning without gradient updates.\n"
    )
    (posts / "2023-03-08-gpt3-part-2.md").write_text(
        "---\ntitle: 'GPT-3, Part 2: results and limits'\n---\n\n"
        "Picking up from [Part 1]({% post_url 2023-03-01-gpt3-part-1 %}): the same paper, "
        "sections 3 to 6.\n\n## Translation\n\nFew-shot beats unsupervised NMT into English.\n"
    )
    (posts / "2023-04-01-rlhf-part-2.md").write_text(
        "---\ntitle: 'RLHF Part 2: the reward model'\n---\n\n"
        "After [part 1]({% post_url 2023-03-01-gpt3-part-1 %}), a different paper:\n\n"
        "**Paper:** Long Ouyang, Jeff Wu, Xu Jiang. *Training language models to follow "
        "instructions with human feedback.* NeurIPS 2022. "
        "[arXiv:2203.02155](https://arxiv.org/abs/2203.02155)\n\nPreference pairs, then PPO.\n"
    )
    papers = _import(tmp_path, alice)
    assert set(papers) == {
        "Language Models are Few-Shot Learners",
        "Training language models to follow instructions with human feedback",
    }
    gpt3 = papers["Language Models are Few-Shot Learners"]
    assert gpt3.summaries.count() == 2  # part 2 is more notes on it


def test_paper_shortcodes_one_after_another_are_the_papers_a_post_covers() -> None:
    post = """\
        +++
        title = "Two log-structured stores"
        date = 2023-06-01
        +++

        {{< paper title="The Log-Structured Merge-Tree (LSM-Tree)" authors="Patrick O'Neil, Edward Cheng, Dieter Gawlick, Elizabeth O'Neil" venue="Acta Informatica" year="1996" >}}

        {{< paper title="Bigtable: A Distributed Storage System for Structured Data" authors="Fay Chang, Jeffrey Dean, Sanjay Ghemawat" venue="OSDI" year="2006" >}}

        ## Compaction

        Both merge sorted runs in the background.
        """  # noqa: E501
    assert _titles(post, "content/posts/lsm/index.md") == [
        "The Log-Structured Merge-Tree (LSM-Tree)",
        "Bigtable: A Distributed Storage System for Structured Data",
    ]


def test_one_paper_shortcode_is_the_posts_labelled_paper() -> None:
    post = """\
        +++
        title = "Notes: Raft"
        +++

        {{ paper(title="In Search of an Understandable Consensus Algorithm", authors="Diego Ongaro, John Ousterhout", venue="USENIX ATC 2014") }}

        Leader election, log replication, safety.
        """  # noqa: E501
    assert _titles(post, "content/blog/raft.md") == [
        "In Search of an Understandable Consensus Algorithm"
    ]


SAVED_REPOSITORY_PAGE = """\
<!DOCTYPE html><!-- saved from url=(0052)https://github.com/someone/awesome-speech-papers -->
<html><head><title>GitHub - someone/awesome-speech-papers</title></head><body>
<header><a href="/login">Sign in</a></header>
<table><tr><td><a href="/commit/abc">Drop Listen, Attend and Spell (Chan et al. 2016), moved to
the survey list</a></td><td>2 weeks ago</td></tr></table>
<article class="markdown-body entry-content container-lg" itemprop="text">
<h1>Awesome Speech Papers</h1>
<p>Papers I would give a new student.</p>
<h2>Acoustic models</h2>
<ul>
<li><strong>wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations</strong>
Alexei Baevski, Henry Zhou, Abdelrahman Mohamed, Michael Auli. <em>NeurIPS 2020</em>.
<a href="https://arxiv.org/abs/2006.11477">[paper]</a></li>
<li><strong>Conformer: Convolution-augmented Transformer for Speech Recognition</strong>
Anmol Gulati, James Qin, Chung-Cheng Chiu. <em>Interspeech 2020</em>.
<a href="https://arxiv.org/abs/2005.08100">[paper]</a></li>
</ul>
<h2>Robustness</h2>
<ul>
<li><strong>Robust Speech Recognition via Large-Scale Weak Supervision</strong>
Alec Radford, Jong Wook Kim, Tao Xu. <em>ICML 2023</em>.
<a href="https://arxiv.org/abs/2212.04356">[paper]</a></li>
</ul>
</article>
<div class="BorderGrid"><h2>About</h2><p>Speech papers.</p></div>
<footer>© 2025 GitHub, Inc.</footer>
</body></html>
"""


def test_a_saved_repository_page_is_its_readme_and_the_readmes_papers() -> None:
    document = parse_html(SAVED_REPOSITORY_PAGE, "GitHub - someone_awesome-speech-papers.html")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [p.arxiv_id for p in papers] == ["2006.11477", "2005.08100", "2212.04356"]
    assert [entry.sections for entry in document.entries] == [
        ("Acoustic models",),
        ("Acoustic models",),
        ("Robustness",),
    ]  # not the file table's commit message, not the sidebar


def test_a_course_weeks_definition_list_names_its_readings_not_its_lectures() -> None:
    week = """\
        ---
        title: Week 3
        ---

        Jan 23
        : **Lecture**{: .label .label-purple }[Recurrent networks](slides/05.pdf)
          : **Paper**{: .label .label-blue } Hochreiter & Schmidhuber (Neural Computation 1997). [Long Short-Term Memory](https://doi.org/10.1162/neco.1997.9.8.1735)
          : **Optional**{: .label .label-yellow } [The Unreasonable Effectiveness of Recurrent Neural Networks](https://karpathy.github.io/2015/05/21/rnn-effectiveness/) (blog)

        Jan 25
        : **Lecture**{: .label .label-purple }[Sequence to sequence](slides/06.pdf)
          : **Paper**{: .label .label-blue } Cho et al. (2014) [Learning Phrase Representations using RNN Encoder-Decoder for Statistical Machine Translation](https://arxiv.org/abs/1406.1078)
        : **HW 1 due**{: .label .label-red }
        """  # noqa: E501
    assert _titles(week, "_modules/week-03.md") == [
        "Long Short-Term Memory",
        "Learning Phrase Representations using RNN Encoder-Decoder for Statistical "
        "Machine Translation",
    ]


def test_a_literature_note_on_a_library_item_that_is_no_paper_names_none(
    tmp_path: Path, alice: User
) -> None:
    library = [
        {"id": "lamportTimeClocksOrdering1978", "type": "article-journal",
         "title": "Time, Clocks, and the Ordering of Events in a Distributed System",
         "author": [{"family": "Lamport", "given": "Leslie"}], "issued": {"date-parts": [[1978]]},
         "DOI": "10.1145/359545.359563"},
        {"id": "kleppmannDesigningDataIntensiveApplications2017", "type": "book",
         "title": "Designing Data-Intensive Applications",
         "author": [{"family": "Kleppmann", "given": "Martin"}],
         "issued": {"date-parts": [[2017]]}},
        {"id": "jepsenConsistencyModels2016", "type": "webpage", "title": "Consistency Models",
         "author": [{"literal": "Jepsen"}], "issued": {"date-parts": [[2016]]}},
    ]  # fmt: skip
    (tmp_path / "library.json").write_text(json.dumps(library))
    notes = tmp_path / "Literature"
    notes.mkdir()
    for key, title in [
        ("lamportTimeClocksOrdering1978", "Time, Clocks, and the Ordering of Events"),
        ("kleppmannDesigningDataIntensiveApplications2017", "Designing Data-Intensive Apps"),
        ("jepsenConsistencyModels2016", "Consistency Models"),
    ]:
        (notes / f"@{key}.md").write_text(
            f'---\ntitle: "{title}"\nyear: 2017\n---\n\nSee [[@{key}]]. Notes on it.\n'
        )
    papers = _import(tmp_path, alice)
    assert list(papers) == ["Time, Clocks, and the Ordering of Events in a Distributed System"]


def test_a_queue_page_lists_papers_not_read_except_under_done() -> None:
    queue = """\
        # Reading queue

        ## Next up
        - [ ] Lamport, Leslie. 1998. "The Part-Time Parliament." *ACM TOCS* 16(2).
        - [ ] Castro, Miguel and Barbara Liskov. 1999. "Practical Byzantine Fault Tolerance." *OSDI*.

        ## Done
        - Ongaro, Diego and John Ousterhout. 2014. "In Search of an Understandable Consensus Algorithm." *USENIX ATC*.
        """  # noqa: E501
    assert _titles(queue, "Reading queue.md") == [
        "In Search of an Understandable Consensus Algorithm"
    ]


def test_a_stage_page_titled_for_readers_names_the_paper_its_papers_section_cites() -> None:
    stage = """\
        ---
        id: value-iteration
        title: Dynamic programming, then learning
        sidebar_position: 2
        ---

        Start with S&B chapter 4.

        ## Papers

        | | Paper | Status |
        |---|---|---|
        | 📄 | Watkins & Dayan (1992), *Q-learning*, Machine Learning 8, 279–292. [doi:10.1007/BF00992698](https://doi.org/10.1007/BF00992698) | ✅ |

        ## Notes

        Off-policy, tabular, converges with every pair visited infinitely often.
        """  # noqa: E501
    document = parse(dedent(stage), "docs/foundations/value-iteration.md")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(p.title, p.doi) for p in papers] == [("Q-learning", "10.1007/bf00992698")]


def test_short_paragraphs_citing_papers_under_one_heading_are_each_a_paper() -> None:
    post = """\
        ---
        title: "Showdown: two-tower vs. cross-encoder rankers"
        ---

        ## The contenders

        **Red corner — Dense Passage Retrieval for Open-Domain Question Answering**
        Vladimir Karpukhin, Barlas Oğuz, Sewon Min. EMNLP 2020. arXiv:2004.04906

        **Blue corner — Passage Re-ranking with BERT**
        Rodrigo Nogueira, Kyunghyun Cho. arXiv 2019. arXiv:1901.04085

        ## What we saw in production

        The cross-encoder won offline and lost on latency.
        """
    assert _titles(post) == [
        "Dense Passage Retrieval for Open-Domain Question Answering",
        "Passage Re-ranking with BERT",
    ]


def test_a_citation_written_as_a_short_list_under_a_label_is_read() -> None:
    note = """\
        ---
        title: BYOL 与 SimSiam 对比
        ---

        ## 论文信息

        **① BYOL**

        - Bootstrap Your Own Latent: A New Approach to Self-Supervised Learning
        - Jean-Bastien Grill, Florian Strub, Florent Altché
        - NeurIPS 2020，arXiv:2006.07733

        **② SimSiam**

        - Exploring Simple Siamese Representation Learning
        - Xinlei Chen, Kaiming He
        - CVPR 2021，arXiv:2011.10566

        ## 方法

        两者都不用负样本。
        """
    assert _titles(note, "docs/notes/byol-simsiam.md") == [
        "Bootstrap Your Own Latent: A New Approach to Self-Supervised Learning",
        "Exploring Simple Siamese Representation Learning",
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Sennrich, Haddow & Birch (ACL 2016). [Neural Machine Translation of Rare Words with "
         "Subword Units](https://aclanthology.org/P16-1162/)",
         "Neural Machine Translation of Rare Words with Subword Units"),
        ("Peters et al. (2018) [Deep Contextualized Word Representations]"
         "(https://aclanthology.org/N18-1202/)", "Deep Contextualized Word Representations"),
        ("Watkins & Dayan (1992), *Q-learning*, Machine Learning 8, 279–292.", "Q-learning"),
        ("**Optional** Pennington, Socher & Manning (EMNLP 2014). [GloVe: Global Vectors for Word "
         "Representation](https://aclanthology.org/D14-1162/)",
         "GloVe: Global Vectors for Word Representation"),
        ("Tuia et al. (2022) [Perspectives in machine learning for wildlife conservation]"
         "(https://www.nature.com/articles/s41467-022-27980-y), *Nature Communications* 13: 792 "
         "— (PN)", "Perspectives in machine learning for wildlife conservation"),
    ],
)  # fmt: skip
def test_syllabus_citations_give_their_titles(line: str, title: str) -> None:
    cited = read_citation(line)
    assert cited is not None and cited.title == title


@pytest.mark.parametrize(
    "line",
    [
        "EMNLP 2024, Miami, 12–16 November 2024",
        'Bjork\'s "desirable difficulties" is the umbrella term – see Make It Stick (2014)',
        "Christopher Bishop, *Pattern Recognition and Machine Learning* (Springer, 2006), "
        "or *Deep Learning* (MIT Press, 2016)",
        "Jake VanderPlas, *Python Data Science Handbook* (O'Reilly, 2016)",
        "**Lecture** [Attention and transformers](slides/07.pdf)",
        "Chris Olah. 2015. [Understanding LSTM Networks](https://colah.github.io/) (blog post)",
        'Invited talk: Yann LeCun, "Energy-Based Models" (ICLR 2020)',
    ],
)
def test_what_only_looks_like_a_citation_is_none(line: str) -> None:
    assert read_citation(line) is None


CANVAS_PAGE = """\
<html><head><title>Course Modules: BIOS 601 Regression Methods</title></head><body>
<div id="left-side"><a href="/courses/9/grades">Grades</a></div>
<div id="context_modules">
<div class="item-group-condensed context_module" aria-label="Module 1: Linear models">
 <span class="name">Module 1: Linear models</span>
 <ul class="ig-list items context_module_items">
  <li class="context_module_item wiki_page"><a class="ig-title" href="/courses/9/pages/1">Module 1 overview</a></li>
  <li class="context_module_item context_module_sub_header"><span class="title">Required readings</span></li>
  <li class="context_module_item external_url"><a class="ig-title" href="https://doi.org/10.1080/01621459.1979.10481632">Cleveland WS (1979). Robust locally weighted regression and smoothing scatterplots. JASA</a></li>
  <li class="context_module_item attachment"><a class="ig-title" href="/courses/9/files/55">Faraway2014_ch2.pdf</a></li>
  <li class="context_module_item quiz"><a class="ig-title" href="/courses/9/quizzes/3">Quiz 1</a></li>
 </ul>
</div>
<div class="item-group-condensed context_module" aria-label="Module 2: Shrinkage">
 <ul class="ig-list items context_module_items">
  <li class="context_module_item external_url"><a class="ig-title" href="https://doi.org/10.1111/j.2517-6161.1996.tb02080.x">Tibshirani R (1996). Regression shrinkage and selection via the lasso. JRSS B</a></li>
  <li class="context_module_item discussion_topic"><a class="ig-title" href="/courses/9/discussion_topics/4">Discussion: ridge or lasso?</a></li>
 </ul>
</div>
</div></body></html>
"""  # noqa: E501


def test_a_saved_canvas_modules_page_is_its_modules_and_their_readings() -> None:
    document = parse_html(CANVAS_PAGE, "Course Modules_ BIOS 601.html")
    entries = [entry for entry in document.entries if entry.paper]
    assert [(p.title, p.doi) for e in entries if (p := e.paper)] == [
        ("Robust locally weighted regression and smoothing scatterplots",
         "10.1080/01621459.1979.10481632"),
        ("Regression shrinkage and selection via the lasso", "10.1111/j.2517-6161.1996.tb02080.x"),
    ]  # fmt: skip
    assert [e.sections[0] for e in entries] == ["Module 1: Linear models", "Module 2: Shrinkage"]


def test_endnotes_ris_export_saved_as_text_is_read_as_ris(tmp_path: Path, alice: User) -> None:
    records = (
        "\ufeffTY  - JOUR\r\nAU  - O'Keefe, J.\r\nAU  - Dostrovsky, J.\r\nPY  - 1971\r\n"
        "TI  - The hippocampus as a spatial map\r\nT2  - Brain Research\r\n"
        "DO  - 10.1016/0006-8993(71)90358-1\r\nER  - \r\n\r\n\r\n"
        "TY  - PCOMM\r\nAU  - Lab, Member\r\nPY  - 2023\r\nTI  - Ripple detection thresholds\r\n"
        "ER  - \r\n"
    )
    (tmp_path / "My EndNote Library.txt").write_text(records, encoding="utf-8")
    assert list(_import(tmp_path, alice)) == ["The hippocampus as a spatial map"]


def test_a_readme_rendered_from_the_imports_data_file_keeps_what_the_data_holds(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "roadmap.yaml").write_text(
        dedent("""\
            - stage: Foundations
              items:
                - {type: paper, title: "Dynamic Movement Primitives", authors: Ijspeert, year: 2013}
                - {type: book, title: "Probabilistic Robotics", authors: Thrun, year: 2005}
                - {type: paper, title: "End-to-End Training of Deep Visuomotor Policies", authors: Levine, year: 2016}
                - {type: course, title: "Underactuated Robotics", authors: Tedrake, year: 2023}
                - {type: paper, title: "Learning Dexterous In-Hand Manipulation", authors: OpenAI, year: 2019}
            """)  # noqa: E501
    )
    (tmp_path / "README.md").write_text(
        dedent("""\
            # Robot learning roadmap

            <!-- generated from roadmap.yaml -->

            ## Foundations

            - [x] **Dynamic Movement Primitives** — Ijspeert et al. (2013)
            - [x] **Probabilistic Robotics** — Thrun et al. (2005)
            - [ ] **End-to-End Training of Deep Visuomotor Policies** — Levine et al. (2016)
            - [ ] **Underactuated Robotics** — Tedrake (2023)
            - [ ] **Learning Dexterous In-Hand Manipulation** — OpenAI (2019)
            """)
    )
    assert set(_import(tmp_path, alice)) == {
        "Dynamic Movement Primitives",
        "End-to-End Training of Deep Visuomotor Policies",
        "Learning Dexterous In-Hand Manipulation",
    }


def test_an_admonition_and_a_hexo_quote_citing_the_paper_name_it() -> None:
    mkdocs_post = """\
        ---
        date: 2024-01-10
        categories: [Bayes]
        ---

        # Why the eight schools keep coming back

        !!! quote ""
            Rubin, D. B. (1981). Estimation in parallel randomized experiments. *Journal of Educational Statistics*, 6(4), 377–401. <https://doi.org/10.3102/10769986006004377>

        Partial pooling, before Stan existed.
        """  # noqa: E501
    assert _titles(mkdocs_post, "docs/blog/posts/eight-schools.md") == [
        "Estimation in parallel randomized experiments"
    ]
    hexo_post = """\
        ---
        title: Notes on quantum kernels
        ---

        {% blockquote Havlíček et al., Nature 567, 209 (2019) https://arxiv.org/abs/1804.11326 Supervised learning with quantum-enhanced feature spaces %}
        Kernel methods with a feature map no classical computer can evaluate.
        {% endblockquote %}
        """  # noqa: E501
    assert _titles(hexo_post, "source/_posts/2023-05-01-kernels.md") == [
        "Supervised learning with quantum-enhanced feature spaces"
    ]


def test_a_starters_first_post_is_a_theme_sample_whatever_it_lists() -> None:
    post = """\
        ---
        title: Hello World
        date: "2015-05-01T22:12:03.284Z"
        ---

        Some books I like:

        1. Kevin Murphy. *Machine Learning: A Probabilistic Perspective*. MIT Press, 2012.
        2. Christopher M. Bishop. *Pattern Recognition and Machine Learning*. Springer, 2006.
        """
    assert _titles(post, "content/blog/hello-world/index.md") == []
