#!/usr/bin/env bash
# The plan-review report of a pull request, computed from git objects only.
#
#   review-report.sh BASE_SHA HEAD_SHA OUTPUT [KAMSITE-DIFF OPTIONS...]
#
# Writes `kamsite diff MERGE_BASE HEAD_SHA --format markdown` to OUTPUT, where MERGE_BASE is
# the merge base of BASE_SHA (the pull request's base commit) and HEAD_SHA (its head commit).
# review-comment.yml, the job that holds the write token, runs this with the working
# directory in a checkout of BASE_SHA and the `kamsite` installed from that checkout: the
# pull request's files are only ever read as data, by kamsite, from git objects; none of
# them is checked out, imported or run. review.yml runs it too, for the job summary.
#
# Environment (all optional):
#   REPO            the git repository holding both commits (default: .)
#   KAMSITE_CONTENT the content directory inside REPO (default: content)
#   KAMSITE         the kamsite command (default: kamsite on PATH)
#   PR_NUMBER       when HEAD_SHA is not in REPO yet, fetch refs/pull/PR_NUMBER/head (objects
#                   only); also names the head side of the report `pull/PR_NUMBER`
#   GH_TOKEN        credentials for that fetch (needed in a private repository); passed to
#                   git by a credential helper for that one command, never stored
#   BASE_NAME       names the base side of the report (e.g. `main`)
#   GITHUB_STEP_SUMMARY  when set, the report is also appended to the job summary
#
# The report is printed to the log between ::stop-commands:: markers whose token is random,
# so nothing in it (it quotes the pull request's content) can act as a workflow command.
set -euo pipefail
export GIT_TERMINAL_PROMPT=0

die() {
  printf 'review-report: %s\n' "$*" >&2
  exit 2
}

[[ $# -ge 3 ]] || die "usage: review-report.sh BASE_SHA HEAD_SHA OUTPUT [KAMSITE-DIFF OPTIONS...]"
base_sha=$1
head_sha=$2
output=$3
shift 3
repo=${REPO:-.}
content=${KAMSITE_CONTENT:-content}
kamsite=${KAMSITE:-kamsite}
pr_number=${PR_NUMBER:-}

is_sha() { [[ $1 =~ ^([0-9a-f]{40}|[0-9a-f]{64})$ ]]; }
is_sha "$base_sha" || die "BASE_SHA is not a full commit id: '$base_sha'"
is_sha "$head_sha" || die "HEAD_SHA is not a full commit id: '$head_sha'"
[[ -z $pr_number || $pr_number =~ ^[1-9][0-9]{0,9}$ ]] || die "PR_NUMBER is not a number: '$pr_number'"

git_() { git -C "$repo" "$@"; }
have() { git_ cat-file -e "$1^{commit}" 2>/dev/null; }

# Objects only: nothing is checked out. With GH_TOKEN, git gets it from a credential helper
# given for this one command (the checkout keeps no credentials: persist-credentials: false).
fetch() {
  if [[ -n ${GH_TOKEN:-} ]]; then
    # shellcheck disable=SC2016  # $GH_TOKEN is expanded by the helper's shell, not here
    git_ -c credential.helper= \
      -c 'credential.helper=!f() { test "$1" = get && printf "username=x-access-token\npassword=%s\n" "$GH_TOKEN"; }; f' \
      fetch --no-tags --quiet origin "$@"
  else
    git_ fetch --no-tags --quiet origin "$@"
  fi
}

have "$base_sha" || die "the base commit $base_sha is not in $repo"
if ! have "$head_sha"; then
  [[ -n $pr_number ]] || die "the head commit $head_sha is not in $repo (set PR_NUMBER to fetch it)"
  fetch "+refs/pull/$pr_number/head:refs/pull/$pr_number/head" || true
  have "$head_sha" || fetch "$head_sha" || true
  have "$head_sha" || die "could not fetch the head commit $head_sha of pull request #$pr_number"
fi
# The token is for the fetch only: kamsite, which reads the pull request's content, never sees it.
unset GH_TOKEN

# Compare with the merge base, so the report shows only what the pull request changes.
merge_base=$(git_ merge-base "$base_sha" "$head_sha") || merge_base=$base_sha

# Name the two sides plainly ("main (abc1234) → pull/7 (def5678)"); the commits stay ids.
labels=()
[[ -n ${BASE_NAME:-} ]] && labels+=(--base-label "$BASE_NAME")
[[ -n $pr_number ]] && labels+=(--head-label "pull/$pr_number")

mkdir -p "$(dirname -- "$output")"
"$kamsite" diff "$merge_base" "$head_sha" --content "$repo/$content" --format markdown \
  "${labels[@]}" "$@" >"$output"

if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  # GitHub refuses a step summary over 1 MiB; kamsite keeps its report far below that.
  if [[ $(wc -c <"$output") -le 1000000 ]]; then
    cat "$output" >>"$GITHUB_STEP_SUMMARY"
  else
    printf '%s\n' "The report is too large for the job summary; it is in the log." >>"$GITHUB_STEP_SUMMARY"
  fi
fi

# The report quotes the pull request's content: stop workflow commands while it is logged.
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
[[ ${#token} -eq 32 ]] || die "no random token for ::stop-commands::"
printf '::stop-commands::%s\n' "$token"
cat "$output"
printf '\n::%s::\n' "$token"
