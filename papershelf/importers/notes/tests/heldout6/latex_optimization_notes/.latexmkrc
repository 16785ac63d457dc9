$pdf_mode = 1;
$bibtex_use = 2;
$out_dir = 'build';
@default_files = ('notes.tex');
