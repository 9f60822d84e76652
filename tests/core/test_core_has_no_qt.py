import subprocess
import sys
from pathlib import Path

import retainer

CHECK = """
import importlib, pkgutil, sys
import retainer
# __main__ starts the app and migrations/env.py runs only inside Alembic: both are skipped.
names = [m.name for m in pkgutil.walk_packages(retainer.__path__, 'retainer.')
         if not m.name.startswith(('retainer.ui', 'retainer.db.migrations'))
         and not m.name.endswith('__main__')]
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
print(len(names), leaked)
sys.exit(1 if leaked else 0)
"""


def test_importing_the_core_never_imports_qt():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                            cwd=Path(retainer.__file__).parent.parent, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    imported = int(result.stdout.split()[0])
    assert imported >= 15  # the walk really found the core's modules
