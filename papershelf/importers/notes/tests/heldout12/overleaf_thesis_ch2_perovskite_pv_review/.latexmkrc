$pdf_mode = 1;
$bibtex_use = 2;
@default_files = ('main.tex');
$out_dir = 'out';
