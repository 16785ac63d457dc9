var DOKU_BASE   = '/wiki/';var DOKU_TPL    = '/wiki/lib/tpl/bootstrap3/';var DOKU_COOKIE_PARAM = {"path":"\/wiki\/","secure":true};Object.defineProperty(window, 'DOKU_UHN', { get: function() { console.warn('Using DOKU_UHN is deprecated. Please use JSINFO.useHeadingNavigation instead'); return JSINFO.useHeadingNavigation; } });
LANG = {"search_toggle_tools":"Toggle Search Tools","willexpire":"Your lock for editing this page is about to expire in a minute."};

/* XXXXXXXXXX begin of lib/plugins/sortablejs/script.js XXXXXXXXXX */

jQuery(document).ready(function() {
    jQuery("div.sortable table").each(function() {
        $table = jQuery(this);
        $thead = jQuery("<thead></thead>");
        $table.find("tr th").first().parent("tr").prependTo($thead);
        $thead.prependTo($table);
        $table.addClass("tablesorter").tablesorter({});
    });
});

/* XXXXXXXXXX end of lib/plugins/sortablejs/script.js XXXXXXXXXX */
