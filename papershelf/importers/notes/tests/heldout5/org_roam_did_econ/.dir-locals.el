;;; Directory Local Variables  -*- no-byte-compile: t -*-
((org-mode . ((org-roam-directory . "~/Dropbox/phd/roam/")
              (org-roam-db-location . "~/Dropbox/phd/roam/org-roam.db")
              (bibtex-completion-bibliography . ("~/Dropbox/phd/bib/econ.bib"))
              (fill-column . 90))))
