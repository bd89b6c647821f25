"""aodh-api under uwsgi with the recipe's configuration. The wheel's entry point parses no
arguments (it reads /etc/aodh), so this one passes uwsgi's --pyargv ("--config-file FILE") on."""
import sys

from aodh.api import app

application = app.build_wsgi_app(argv=sys.argv[1:])
