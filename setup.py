"""Which files the wheel carries; everything else about the package is in pyproject.toml.

Every package under kiosk/ is found, not listed, so a new one (as kiosk.bench once was) cannot be
left out. The default content lives at the repository root (content/, assets/) where staff see
it; the wheel carries it inside the package as kiosk._default, so an installed kiosk always has
something good to show, with the JSON Schemas (schemas/) beside it: the content files name
theirs as ../schemas/*.schema.json, in the tree and in the install alike. pyproject.toml alone
cannot add those folders to packages it finds.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["kiosk", "kiosk.*"]),
        "kiosk._default.content",
        "kiosk._default.assets",
        "kiosk._default.schemas",
    ],
    package_dir={
        "kiosk._default.content": "content",
        "kiosk._default.assets": "assets",
        "kiosk._default.schemas": "schemas",
    },
    package_data={
        "kiosk.ui": ["qml/Kiosk/qmldir", "qml/Kiosk/*.qml"],
        "kiosk.i18n": ["*.qm", "*.ts"],  # the kiosk's phrases: compiled, and their sources
        "kiosk._default.content": ["*.yaml"],
        "kiosk._default.assets": ["**/*"],
        "kiosk._default.schemas": ["*.schema.json"],
    },
)
