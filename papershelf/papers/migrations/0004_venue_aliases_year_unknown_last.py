"""Venue aliases, seeded with the common ML/CS venues; papers of unknown year sort last.

The names below are how DBLP, Semantic Scholar, Google Scholar, OpenReview and the
venues' own BibTeX write each venue. Years, ordinals ("37th", "Thirty-Fourth"),
volumes, "Proceedings of the", "(Volume 1: Long Papers)" and DBLP's place-and-date
tail are dropped by the key (papershelf.lib.venues), so one alias covers all editions.
Workshops, demonstrations and Findings keep their own names: no alias maps them to
the main conference. The table is frozen here; admins edit it in Django admin.
"""

from django.db import migrations, models

from papershelf.lib.venues import venue_key

VENUES: dict[str, list[str]] = {
    "NeurIPS": [
        "NeurIPS", "NIPS", "Advances in Neural Information Processing Systems",
        "Adv. Neural Inf. Process. Syst.", "Neural Information Processing Systems",
        "Conference on Neural Information Processing Systems",
        "Annual Conference on Neural Information Processing Systems",
        "Advances in Neural Information Processing Systems 33: Annual Conference on Neural"
        " Information Processing Systems 2020",
    ],
    "ICML": [
        "ICML", "International Conference on Machine Learning", "Int. Conf. Mach. Learn.",
        "International Conference on Machine Learning (ICML)",
    ],
    "ICLR": [
        "ICLR", "International Conference on Learning Representations",
        "Int. Conf. Learn. Represent.",
    ],
    "CVPR": [
        "CVPR", "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
        "IEEE Computer Society Conference on Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition", "IEEE Conf. Comput. Vis. Pattern Recog.",
    ],
    "ICCV": [
        "ICCV", "IEEE/CVF International Conference on Computer Vision",
        "Proceedings of the IEEE International Conference on Computer Vision",
        "Int. Conf. Comput. Vis.",
    ],
    "ECCV": [
        "ECCV", "European Conference on Computer Vision", "Eur. Conf. Comput. Vis.",
        "Computer Vision – ECCV 2020: 16th European Conference",
    ],
    "ACL": [
        "ACL", "Annual Meeting of the Association for Computational Linguistics",
        "Proceedings of the 58th Annual Meeting of the Association for Computational"
        " Linguistics",
        "Meeting of the Association for Computational Linguistics",
        "Association for Computational Linguistics", "ACL-IJCNLP",
        "Annual Meeting of the Association for Computational Linguistics and the"
        " International Joint Conference on Natural Language Processing",
    ],
    "Findings of ACL": [
        "Findings of ACL", "Findings of the Association for Computational Linguistics: ACL",
        "Findings of the Association for Computational Linguistics: ACL-IJCNLP",
    ],
    "EMNLP": [
        "EMNLP", "Conference on Empirical Methods in Natural Language Processing",
        "Empirical Methods in Natural Language Processing", "EMNLP-IJCNLP",
        "Conference on Empirical Methods in Natural Language Processing and the"
        " International Joint Conference on Natural Language Processing",
    ],
    "Findings of EMNLP": [
        "Findings of EMNLP", "Findings of the Association for Computational Linguistics: EMNLP",
    ],
    "NAACL": [
        "NAACL", "NAACL-HLT",
        "Conference of the North American Chapter of the Association for Computational"
        " Linguistics: Human Language Technologies",
        "Conference of the North American Chapter of the Association for Computational"
        " Linguistics",
        "North American Chapter of the Association for Computational Linguistics",
    ],
    "Findings of NAACL": [
        "Findings of NAACL", "Findings of the Association for Computational Linguistics: NAACL",
    ],
    "EACL": [
        "EACL",
        "Conference of the European Chapter of the Association for Computational Linguistics",
    ],
    "COLING": ["COLING", "International Conference on Computational Linguistics"],
    "CoNLL": ["CoNLL", "Conference on Computational Natural Language Learning"],
    "TACL": [
        "TACL", "Transactions of the Association for Computational Linguistics",
        "Trans. Assoc. Comput. Linguistics", "Trans. Assoc. Comput. Linguist.",
    ],
    "AAAI": [
        "AAAI", "AAAI Conference on Artificial Intelligence",
        "Proceedings of the AAAI Conference on Artificial Intelligence",
        "National Conference on Artificial Intelligence",
    ],
    "IJCAI": ["IJCAI", "International Joint Conference on Artificial Intelligence"],
    "AISTATS": [
        "AISTATS", "International Conference on Artificial Intelligence and Statistics",
    ],
    "UAI": ["UAI", "Conference on Uncertainty in Artificial Intelligence"],
    "COLT": ["COLT", "Conference on Learning Theory", "Annual Conference on Learning Theory"],
    "KDD": [
        "KDD", "SIGKDD", "ACM SIGKDD International Conference on Knowledge Discovery and Data"
        " Mining",
        "ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
        "Knowledge Discovery and Data Mining",
        "International Conference on Knowledge Discovery and Data Mining",
        "KDD '20: The 26th ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
    ],
    "SIGIR": [
        "SIGIR",
        "International ACM SIGIR Conference on Research and Development in Information"
        " Retrieval",
        "Annual International ACM SIGIR Conference on Research and Development in"
        " Information Retrieval",
        "ACM SIGIR Conference on Research and Development in Information Retrieval",
    ],
    "WWW": [
        "WWW", "The Web Conference", "ACM Web Conference", "TheWebConf",
        "International World Wide Web Conference", "International Conference on World Wide Web",
        "World Wide Web Conference", "WWW '20: The Web Conference 2020",
    ],
    "WSDM": ["WSDM", "ACM International Conference on Web Search and Data Mining"],
    "CIKM": [
        "CIKM", "ACM International Conference on Information and Knowledge Management",
    ],
    "RecSys": ["RecSys", "ACM Conference on Recommender Systems"],
    "WACV": [
        "WACV", "IEEE/CVF Winter Conference on Applications of Computer Vision",
        "Winter Conference on Applications of Computer Vision",
    ],
    "BMVC": ["BMVC", "British Machine Vision Conference"],
    "ICRA": ["ICRA", "IEEE International Conference on Robotics and Automation"],
    "IROS": [
        "IROS", "IEEE/RSJ International Conference on Intelligent Robots and Systems",
    ],
    "CoRL": ["CoRL", "Conference on Robot Learning"],
    "ICASSP": [
        "ICASSP",
        "IEEE International Conference on Acoustics, Speech and Signal Processing",
    ],
    "Interspeech": [
        "Interspeech",
        "Annual Conference of the International Speech Communication Association",
    ],
    "JMLR": [
        "JMLR", "Journal of Machine Learning Research", "J. Mach. Learn. Res.",
    ],
    "TMLR": ["TMLR", "Transactions on Machine Learning Research"],
    "TPAMI": [
        "TPAMI", "PAMI", "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        "IEEE Trans. Pattern Anal. Mach. Intell.",
    ],
    "IJCV": ["IJCV", "International Journal of Computer Vision", "Int. J. Comput. Vis."],
    "Nature": ["Nature", "Nat."],
    "Science": ["Science"],
    "PNAS": [
        "PNAS", "Proceedings of the National Academy of Sciences",
        "Proceedings of the National Academy of Sciences of the United States of America",
        "Proc. Natl. Acad. Sci. USA", "Proc. Natl. Acad. Sci. U.S.A.",
    ],
    "arXiv": ["arXiv", "CoRR", "arXiv preprint"],
}  # fmt: skip


def seed_aliases(apps, schema_editor):  # type: ignore[no-untyped-def]
    VenueAlias = apps.get_model("papers", "VenueAlias")
    taken: set[str] = set()
    rows = []
    for canonical, names in VENUES.items():
        for name in names:
            key = venue_key(name)
            if key and key not in taken:  # "NeurIPS 2020" and "NeurIPS" share one row
                taken.add(key)
                rows.append(VenueAlias(name=name, key=key, canonical=canonical))
    VenueAlias.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("papers", "0003_listing_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="VenueAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="A name papers arrive with, e.g. “Advances in Neural"
                        " Information Processing Systems”. Years, ordinals and “Proceedings of"
                        " the” need no alias of their own.",
                        max_length=300,
                    ),
                ),
                ("key", models.CharField(editable=False, max_length=300, unique=True)),
                (
                    "canonical",
                    models.CharField(
                        help_text="The venue's name on this shelf, e.g. NeurIPS.",
                        max_length=300,
                        verbose_name="venue",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "venue aliases",
                "ordering": ["canonical", "name"],
            },
        ),
        migrations.AlterModelOptions(
            name="paper",
            options={
                "ordering": [
                    models.OrderBy(models.F("year"), descending=True, nulls_last=True),
                    "title",
                ]
            },
        ),
        migrations.RunPython(seed_aliases, migrations.RunPython.noop),
    ]
