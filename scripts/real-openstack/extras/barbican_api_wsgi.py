"""barbican-api under uwsgi with the recipe's files. The wheel's entry point reads /etc/barbican,
and each plugin parses its own copy of the configuration at import (simple_crypto its KEK), so
every parse is pointed at our file. Arguments (uwsgi --pyargv): barbican.conf, then the paste ini."""
import sys

from barbican.common import config

CONF_FILE, PASTE_INI = sys.argv[1], sys.argv[2]
_parse_args = config.parse_args


def parse_args(conf, args=None, usage=None, default_config_files=None):
    return _parse_args(conf, args, usage, default_config_files or [CONF_FILE])


config.parse_args = parse_args
config.CONF(args=[], project="barbican", default_config_files=[CONF_FILE])

from paste import deploy  # noqa: E402

application = deploy.loadapp("config:" + PASTE_INI)
