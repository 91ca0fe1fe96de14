#!/usr/bin/env bash
# Writes the upgrade fixture: a small store written by this version, which every later version must
# open, rebuild and verify (UpgradeTests). Run it once per store format, from the package root:
#   Tests/Fixtures/upgrade/make-fixture.sh VERSION      (e.g. 0.7)
# It leaves Tests/Fixtures/upgrade/VERSION/{data.mdb,dev-master-key,dev-signing-key,expected.json}.
set -euo pipefail
version=$1
root=$(cd "$(dirname "$0")/../../.." && pwd)
bin=$(swift build --package-path "$root" --show-bin-path)
swift build --package-path "$root" >/dev/null
work=$(mktemp -d)
trap 'kill $daemon 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/spoord" --development "$work" --log-level warning & daemon=$!
export SPOOR_SOCKET=$work/spoor.sock
for _ in $(seq 100); do "$bin/spoorctl" status >/dev/null 2>&1 && break; sleep 0.1; done
ctl() { "$bin/spoorctl" "$@" >/dev/null; }
me=$(id -un)
# A case through the whole meldcode and a registration with consent; one erased; one read in an emergency.
C="--case fixture-1"
ctl case open $C --unit north --gender female --nationality-group non-dutch --nationality-country ER --age 15 \
    --name "Amira" --birth-date 2011-03-14 --nationality Eritrean --country-of-birth Eritrea
ctl screening record $C --outcome signs-found
ctl case assign $C --carer "$me"
ctl signal record $C --form sexual --indicator social-contacts --nature concrete --no-cross-border --note "older men collect her"
ctl signal forward $C --signal signal-1 --to attention-officer
ctl consult record $C --signal signal-1 --party attention-officer --party veilig-thuis-advice
ctl conversation skip $C --signal signal-1 --reason safety-of-child
ctl weigh $C --signal signal-1 --suspicion --unsafety --no-effective-help --decision report
ctl report veilig-thuis $C --signal signal-1 --urgency acute --no-discussed-with-client --not-discussed-reason safety-of-child
ctl consent authority $C --holder parent
ctl consent request $C --from youth
ctl consent give $C --by youth --form spoken --purpose statistics --purpose care-coordination
ctl consent give $C --by parent --form written --purpose statistics
ctl register comensha $C --kind identifiable --basis consent
ctl consent withdraw $C --by parent
C="--case fixture-2"
ctl case open $C --unit south --gender male --nationality-group dutch --age 13 --name "Bram" --birth-date 2013-05-01
ctl signal record $C --form criminal --indicator money --nature gut-feeling --cross-border --note "sells for others"
ctl subject erase $C --basis request --reason "the parents asked"
C="--case fixture-3"
ctl case open $C --unit north --gender female --nationality-group dutch --age 17 --name "Cas" --birth-date 2009-02-01
ctl signal record $C --form labour --indicator behaviour --nature concrete --no-cross-border --note "works nights"
ctl case show $C --emergency --reason "fixture: an emergency read"
ctl audit witness --folder "$work" --key "$("$bin/spoorctl" audit checkpoint --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["verifierKey"])')"
"$bin/spoorctl" backup "$work/copy" >/dev/null
out=$root/Tests/Fixtures/upgrade/$version
mkdir -p "$out"
cp "$work/copy/data.mdb" "$work/dev-master-key" "$work/dev-signing-key" "$out/"
"$bin/spoorctl" status --json | python3 -c '
import json, sys
status = json.load(sys.stdin)
print(json.dumps({"lastPosition": status["lastPosition"], "version": status["version"],
                  "cases": ["fixture-1", "fixture-2", "fixture-3"], "erased": ["fixture-2"]}, indent=2))' > "$out/expected.json"
echo "fixture written to $out"
