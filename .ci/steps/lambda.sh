# Sourced by .ci/run before the build: the AWS Lambda Runtime Interface Emulator for the
# `reportcli lambda` tests, and cfn-lint for deploy/template.yaml.
#
# - The emulator's official binary ships inside the aws-sam-cli wheel on PyPI: downloaded once
#   (`pip download --no-deps`, no Docker), `samcli/local/rapid/aws-lambda-rie-x86_64` taken out,
#   cached. Exports REPORTKIT_LAMBDA_RIE; the tests start it on explicit loopback addresses.
# - cfn-lint in its own virtual environment (cached); the template is linted here, and the
#   test that lints it finds the tool through REPORTKIT_CFN_LINT.
LAMBDA_CACHE="${REPORTKIT_CACHE:-${HOME}/.cache/reportkit}/lambda"
mkdir -p "${LAMBDA_CACHE}"

if [ ! -x "${LAMBDA_CACHE}/aws-lambda-rie-x86_64" ]; then
    log "fetching aws-lambda-rie from the aws-sam-cli wheel"
    rm -rf "${LAMBDA_CACHE}/wheel"
    python3 -m pip download --quiet --no-deps --dest "${LAMBDA_CACHE}/wheel" aws-sam-cli
    python3 - "${LAMBDA_CACHE}" <<'PY'
import glob, os, sys, zipfile
cache = sys.argv[1]
wheel = sorted(glob.glob(os.path.join(cache, "wheel", "aws_sam_cli-*.whl")))[-1]
with zipfile.ZipFile(wheel) as archive:
    data = archive.read("samcli/local/rapid/aws-lambda-rie-x86_64")
target = os.path.join(cache, "aws-lambda-rie-x86_64")
with open(target + ".part", "wb") as out:
    out.write(data)
os.chmod(target + ".part", 0o755)
os.replace(target + ".part", target)
PY
    rm -rf "${LAMBDA_CACHE}/wheel"
fi
export REPORTKIT_LAMBDA_RIE="${LAMBDA_CACHE}/aws-lambda-rie-x86_64"

if [ ! -x "${LAMBDA_CACHE}/venv/bin/cfn-lint" ]; then
    log "installing cfn-lint"
    python3 -m venv "${LAMBDA_CACHE}/venv"
    "${LAMBDA_CACHE}/venv/bin/pip" install --quiet cfn-lint
fi
export REPORTKIT_CFN_LINT="${LAMBDA_CACHE}/venv/bin/cfn-lint"
log "cfn-lint deploy/template.yaml"
"${REPORTKIT_CFN_LINT}" deploy/template.yaml

# The Lambda zip: scripts/package-lambda links the bootstrap against Debian 11's glibc 2.31
# (the root scripts/lambda-sysroot makes once, cached next to the emulator) and fails when it
# needs a glibc over provided.al2023's 2.34, any libstdc++ or a library that image lacks
# (scripts/lambda-abi-check); --verify then runs the zip in that root under the emulator, the
# slips dry run equal to its golden file. Building the root and chroot need root;
# REPORTKIT_LAMBDA_PACKAGE=0 skips the step (one release build, about 2 minutes).
if [ "${REPORTKIT_LAMBDA_PACKAGE:-1}" = 0 ]; then
    log "scripts/package-lambda skipped (REPORTKIT_LAMBDA_PACKAGE=0)"
elif [ "$(id -u)" -ne 0 ]; then
    log "scripts/package-lambda --verify skipped: needs root (debootstrap, chroot)"
else
    command -v debootstrap >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq debootstrap >/dev/null; }
    export REPORTKIT_LAMBDA_SYSROOT="${LAMBDA_CACHE}/bullseye-root"
    log "scripts/package-lambda --verify"
    scripts/package-lambda --verify
fi
