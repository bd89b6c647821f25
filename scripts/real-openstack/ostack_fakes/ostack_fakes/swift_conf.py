"""Point Swift at the recipe's swift.conf instead of the hard-coded /etc/swift/swift.conf.

swift 2.38.3 sets ``SWIFT_CONF_FILE = '/etc/swift/swift.conf'`` at import time
(swift/common/utils/__init__.py, line 177). The WSGI servers move it to ``swift_dir`` later
(``set_swift_dir()`` in swift/common/wsgi.py ``_initrp``), but only after the storage policies
(swift/common/storage_policy.py) and the constraints (swift/common/constraints.py) were read from
the old path, and the daemons never move it: ``run_daemon()`` -> ``DaemonStrategy.setup()`` ->
``validate_configuration()`` opens /etc/swift/swift.conf whatever ``swift_dir`` says, so
swift-container-updater dies with "No such file or directory: '/etc/swift/swift.conf'".

up.sh starts every Swift process with ``OSTACK_SWIFT_DIR=<its swift dir>`` in the environment,
and a ``.pth`` line in the venv imports this module at interpreter start. If the variable is set,
this module installs an import hook that, right after ``swift.common.utils`` has run (and before
anything can import storage_policy or constraints, which import it first), sets
``SWIFT_CONF_FILE`` to ``$OSTACK_SWIFT_DIR/swift.conf`` and re-reads the hash prefix/suffix from
it. Nothing is imported early, and processes without the variable are left alone.
"""
import importlib.abc
import importlib.machinery
import os
import sys

ENV = "OSTACK_SWIFT_DIR"
TARGET = "swift.common.utils"


def point_at(utils, swift_dir):
    conf = os.path.join(swift_dir, "swift.conf")
    utils.SWIFT_CONF_FILE = conf
    # swift read (or failed to read) the hash prefix/suffix from the old path on import.
    utils.HASH_PATH_PREFIX = b""
    utils.HASH_PATH_SUFFIX = b""
    if os.path.exists(conf):
        utils.validate_hash_conf()


class _Loader(importlib.abc.Loader):
    def __init__(self, inner, swift_dir):
        self.inner, self.swift_dir = inner, swift_dir

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module):
        self.inner.exec_module(module)
        point_at(module, self.swift_dir)

    def __getattr__(self, name):  # get_resource_reader, get_filename, ... of the real loader
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, swift_dir):
        self.swift_dir = swift_dir

    def find_spec(self, fullname, path, target=None):
        if fullname != TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader, self.swift_dir)
        return spec


def install():
    swift_dir = os.environ.get(ENV)
    if not swift_dir or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    if TARGET in sys.modules:  # imported already (not via the .pth): patch in place, re-read
        point_at(sys.modules[TARGET], swift_dir)
        if "swift.common.storage_policy" in sys.modules:
            sys.modules["swift.common.storage_policy"].reload_storage_policies()
        if "swift.common.constraints" in sys.modules:
            sys.modules["swift.common.constraints"].reload_constraints()
        return
    sys.meta_path.insert(0, _Finder(swift_dir))


install()
