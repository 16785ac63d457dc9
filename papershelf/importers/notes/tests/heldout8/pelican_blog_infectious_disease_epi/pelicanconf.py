AUTHOR = 'Ana Ribeiro'
SITENAME = 'R-naught and other numbers'
SITEURL = ''

PATH = 'content'
STATIC_PATHS = ['images', 'extra/robots.txt']
EXTRA_PATH_METADATA = {'extra/robots.txt': {'path': 'robots.txt'}}

TIMEZONE = 'Europe/Lisbon'
DEFAULT_LANG = 'en'
DEFAULT_DATE_FORMAT = '%d %b %Y'

ARTICLE_URL = '{date:%Y}/{slug}/'
ARTICLE_SAVE_AS = '{date:%Y}/{slug}/index.html'

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None

PLUGIN_PATHS = ['plugins']
PLUGINS = ['render_math', 'pelican-cite']
PUBLICATIONS_SRC = 'content/refs.bib'

LINKS = (('LSHTM CMMID', 'https://cmmid.github.io/'),
         ('EpiEstim', 'https://github.com/mrc-ide/EpiEstim'),)
SOCIAL = (('mastodon', 'https://mastodon.social/@anaribeiro_epi'),)

DEFAULT_PAGINATION = 10
THEME = 'themes/Flex'
