((org-mode . ((org-journal-file-format . "%Y%m%d"))))
