#!/usr/bin/env python3
"""Regenerate the data·inclusion v1 code lists in catalog/referentiels/ from the PyPI package.

Usage (from the repository root):

    python3 catalog/referentiels/regenerer.py

The package version is pinned below so the output is reproducible. It is installed with pip into a
temporary directory (nothing is installed system-wide), imported, and each enum is written as one JSON
file: a sorted list of {"code", "libelle", "description"} objects (thematiques also carry their
"categorie"). The files are committed; `maillage` embeds them at build time.
"""

import json
import pathlib
import subprocess
import sys
import tempfile

VERSION = "1.0.10"
HERE = pathlib.Path(__file__).resolve().parent


def install(target: pathlib.Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--target", str(target), f"data-inclusion-schema=={VERSION}"],
        check=True,
    )


def rows(enum_cls):
    out = []
    for member in enum_cls:
        out.append({"code": member.value, "libelle": member.label, "description": member.description})
    return sorted(out, key=lambda r: r["code"])


def write(name: str, payload) -> None:
    path = HERE / f"{name}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    count = len(payload["valeurs"])
    print(f"{path.relative_to(HERE.parent.parent)}: {count} valeurs")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        install(pathlib.Path(tmp))
        sys.path.insert(0, tmp)
        from data_inclusion.schema import v1  # noqa: E402

        source = {"paquet": "data-inclusion-schema", "version": VERSION, "licence": "Licence Ouverte 2.0"}

        categories = rows(v1.Categorie)
        write("categories", {"source": source, "valeurs": categories})

        thematiques = rows(v1.Thematique)
        category_codes = {c["code"] for c in categories}
        for t in thematiques:
            prefix = t["code"].split("--", 1)[0]
            if prefix not in category_codes:
                raise SystemExit(f"thematique {t['code']} has no known category")
            t["categorie"] = prefix
        write("thematiques", {"source": source, "valeurs": thematiques})

        for name, enum_cls in [
            ("publics", v1.Public),
            ("types", v1.TypeService),
            ("frais", v1.Frais),
            ("modes_accueil", v1.ModeAccueil),
            ("modes_mobilisation", v1.ModeMobilisation),
            ("personnes_mobilisatrices", v1.PersonneMobilisatrice),
            ("reseaux_porteurs", v1.ReseauPorteur),
        ]:
            write(name, {"source": source, "valeurs": rows(enum_cls)})


if __name__ == "__main__":
    main()
