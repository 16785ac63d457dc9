/* XXXXXXXXX /var/www/wiki/lib/tpl/bootstrap3/css/template.less XXXXXXXXX */

.dokuwiki .secedit{float:right;margin-top:-1.4em}
.dokuwiki div.footnotes{font-size:90%}
.dw-content h1,.dw-content h2,.dw-content h3{margin-top:25px}
/* XXXXXXXXX /var/www/wiki/lib/plugins/sortablejs/style.css XXXXXXXXX */

table.tablesorter thead tr .tablesorter-header{cursor:pointer;background-repeat:no-repeat;background-position:center right}
/* XXXXXXXXX /var/www/wiki/lib/plugins/tag/style.css XXXXXXXXX */

div.dokuwiki div.tags{border-top:1px dotted #8cacbb;font-size:90%;text-align:right}
