"""Nobody can forge the review comment, and no file of a pull request runs in CI (issue 15).

The workflows are read as data: every `run:` command is checked for `python -c`/`python -m`
that would put the working directory on the import path (a `secrets.py` or `pip/` at the root
of a pull request would be imported), for `git fetch` relying on credentials the checkout does
not keep, and review-comment.yml for reading anything of the reviewed run. Then the privileged
job's report script runs against a hostile pull request in a real repository served over
HTTP with a token, as a private GitHub repository is.
"""

from __future__ import annotations

import base64
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SCRIPT = ROOT / ".github" / "scripts" / "review-report.sh"
GITLAB = ROOT / "examples" / "gitlab-ci.yml"


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@dataclass(frozen=True)
class Command:
    where: str  # file, job and step, for messages
    text: str
    env: Mapping[str, str]  # workflow, job and step env merged


def _workflow_commands() -> Iterator[Command]:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = _load(path)
        for job_id, job in workflow["jobs"].items():
            for index, step in enumerate(job.get("steps", [])):
                if "run" in step:
                    env = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
                    name = step.get("name", f"step {index + 1}")
                    yield Command(f"{path.name}: {job_id}: {name}", step["run"], env)


def _gitlab_commands() -> Iterator[Command]:
    config = _load(GITLAB)
    for job_id, job in config.items():
        if not isinstance(job, dict):
            continue
        for key in ("before_script", "script", "after_script"):
            for line in job.get(key, []):
                yield Command(f"gitlab-ci.yml: {job_id}: {key}", line, job.get("variables", {}))


def _simple_commands(text: str) -> Iterator[list[str]]:
    """The words of each simple command of a shell script (close enough for a lint)."""
    joined = re.sub(r"\\\n", " ", text)
    for line in joined.splitlines():
        for part in re.split(r"\|\||&&|[;|&()`]|\$\(", line):
            try:
                words = shlex.split(part, comments=True)
            except ValueError:
                words = part.split()
            if words:
                yield words


_PYTHON = re.compile(r"python(\d+(\.\d+)*)?")


def _python_runs(words: list[str]) -> Iterator[tuple[str, bool]]:
    """(mode, safe) for each `python -c` / `python -m` in one simple command.

    Safe: -I or -P comes first, or PYTHONSAFEPATH is set for the command; then the working
    directory is not put at the front of sys.path.
    """
    assignments = {w.split("=", 1)[0] for w in words if re.match(r"^[A-Z_]+=", w)}
    for i, word in enumerate(words):
        if not _PYTHON.fullmatch(Path(word).name):
            continue
        flags = ""
        rest = iter(words[i + 1 :])
        for option in rest:
            if not option.startswith("-") or option.startswith("--"):
                break
            letters = option[1:]
            mode = next((c for c in letters if c in "cm"), None)
            flags += letters if mode is None else letters[: letters.index(mode)]
            if mode is not None:
                safe = "I" in flags or "P" in flags or "PYTHONSAFEPATH" in assignments
                yield f"-{mode}", safe
                break
            if letters[-1:] in ("W", "X"):
                next(rest, None)  # an option that takes an argument


def _unsafe_python(commands: Iterator[Command]) -> tuple[list[str], int]:
    found: list[str] = []
    seen = 0
    for command in commands:
        for words in _simple_commands(command.text):
            for mode, safe in _python_runs(words):
                seen += 1
                if not safe and "PYTHONSAFEPATH" not in command.env:
                    found.append(f"{command.where}: python {mode} in `{' '.join(words)}`")
    return found, seen


def test_the_lint_sees_python_c_and_m() -> None:
    """The lint itself: what puts the working directory on sys.path, and what does not."""

    def runs(text: str) -> list[tuple[str, bool]]:
        return [run for words in _simple_commands(text) for run in _python_runs(words)]

    assert runs("python -c 'import secrets; print(secrets.token_hex(16))'") == [("-c", False)]
    assert runs('token="$(python3 -c "import secrets")"') == [("-c", False)]
    assert runs("python -m pip install ./.kamsite-tool") == [("-m", False)]
    assert runs("sudo true && /opt/py/bin/python3.11 -u -m pip install .") == [("-m", False)]
    assert runs("python -I -m pip install .") == [("-m", True)]
    assert runs("python -Im pip install .") == [("-m", True)]
    assert runs("python -W ignore -P -c pass") == [("-c", True)]
    assert runs("PYTHONSAFEPATH=1 python -m pip install .") == [("-m", True)]
    assert runs("kamsite validate --format github && pip install .") == []


def test_no_python_c_or_m_puts_the_checkout_on_sys_path() -> None:
    """`python -c` and `python -m` put the working directory first on sys.path: a pull
    request's root `secrets.py` or `pip/__main__.py` would run. Every one must use -I or -P.

    This is stricter than needed outside a pull request's checkout (publish.yml builds merged
    content), and simpler to keep right.
    """
    found, seen = _unsafe_python(_workflow_commands())
    assert seen >= 3  # review, review-comment and publish each install kamsite so
    assert not found, "\n".join(found)


def test_gitlab_example_puts_no_checkout_on_sys_path() -> None:
    found, seen = _unsafe_python(_gitlab_commands())
    assert seen >= 1
    assert not found, "\n".join(found)


_REMOTE_GIT = re.compile(r"\bgit\b.*\b(fetch|pull|ls-remote|clone|push|remote\s+update)\b")


def test_no_git_fetch_needs_stored_credentials() -> None:
    """Every checkout keeps no credentials (persist-credentials: false), so a `git fetch` in a
    run step fails in a private repository ("could not read Username"): the history comes
    from `fetch-depth: 0` and the base commit from the event instead."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job_id, job in _load(path)["jobs"].items():
            steps = job.get("steps", [])
            for step in steps:
                if "actions/checkout" in step.get("uses", ""):
                    assert step.get("with", {}).get("persist-credentials") is False, (
                        f"{path.name}: {job_id}: a checkout keeps the token in .git/config"
                    )
            for step in steps:
                for line in re.sub(r"\\\n", " ", step.get("run", "")).splitlines():
                    assert not _REMOTE_GIT.search(line), (
                        f"{path.name}: {job_id}: `{line.strip()}` needs credentials"
                    )


def test_review_and_publish_have_the_whole_history() -> None:
    for name in ("review.yml", "publish.yml"):
        jobs = _load(WORKFLOWS / name)["jobs"]
        checkouts = [
            step
            for job in jobs.values()
            for step in job.get("steps", [])
            if "actions/checkout" in step.get("uses", "")
        ]
        assert any(step["with"].get("fetch-depth") == 0 for step in checkouts), name


def test_the_review_job_never_works_inside_the_pull_request() -> None:
    """review.yml checks the pull request out in pr/ and never runs a step there."""
    job = _load(WORKFLOWS / "review.yml")["jobs"]["review"]
    checkouts = [s for s in job["steps"] if "actions/checkout" in s.get("uses", "")]
    head = [s for s in checkouts if "head.sha" in s["with"].get("ref", "")]
    assert len(head) == 1
    pr_path = head[0]["with"].get("path", ".")
    assert pr_path not in (".", "", "./")
    assert "defaults" not in job
    for step in job["steps"]:
        cwd = step.get("working-directory", ".")
        assert not (cwd + "/").startswith(pr_path.rstrip("/") + "/"), step
        assert not re.search(rf"\bcd\s+['\"]?{re.escape(pr_path)}\b", step.get("run", "")), step


def test_the_comment_job_trusts_nothing_of_the_reviewed_run() -> None:
    """review-comment.yml holds the write token: it downloads no artifact, reads no report.md
    of the run, checks out only the base commit the API gave, and posts the report it
    computed itself with the base commit's script and kamsite."""
    workflow = _load(WORKFLOWS / "review-comment.yml")
    text = (WORKFLOWS / "review-comment.yml").read_text(encoding="utf-8")
    assert "download-artifact" not in text
    assert "listWorkflowRunArtifacts" not in text and "downloadArtifact" not in text
    assert "report.md" not in text
    steps = workflow["jobs"]["comment"]["steps"]
    checkouts = [s for s in steps if "actions/checkout" in s.get("uses", "")]
    assert [s["with"]["ref"] for s in checkouts] == ["${{ matrix.pull.base_sha }}"]
    assert all(s["with"].get("fetch-depth") == 0 for s in checkouts)
    compute = [s for s in steps if "review-report.sh" in s.get("run", "")]
    assert len(compute) == 1
    assert compute[0]["run"].startswith("bash .github/scripts/review-report.sh ")
    assert '"$RUNNER_TEMP/kamsite-review.md"' in compute[0]["run"]
    assert compute[0]["env"]["GH_TOKEN"] == "${{ github.token }}"  # for the fetch only
    post = [s for s in steps if "github-script" in s.get("uses", "")]
    assert len(post) == 1
    assert "path.join(process.env.RUNNER_TEMP, 'kamsite-review.md')" in post[0]["with"]["script"]
    # The pull request number and its head are matched through the API, not taken from files.
    find = workflow["jobs"]["find"]["steps"][0]["with"]["script"]
    assert "readFileSync" not in find
    assert "pr.head.sha === run.head_sha" in find


def test_logged_reports_are_fenced_with_an_unpredictable_token() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert "/dev/urandom" in script
    assert re.search(r"::stop-commands::%s\\n' \"\$token\"", script)
    assert "import secrets" not in script
    for command in _workflow_commands():
        assert "import secrets" not in command.text, command.where
        if "stop-commands" in command.text:
            assert "/dev/urandom" in command.text or "openssl rand" in command.text


def test_the_script_rejects_what_is_not_a_commit_id(tmp_path: Path) -> None:
    for args in (["main", "a" * 40, "out.md"], ["a" * 40, "--upload-pack=x", "out.md"], []):
        done = subprocess.run(
            ["bash", str(SCRIPT), *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert done.returncode == 2, done.stderr
        assert "review-report:" in done.stderr
    assert not (tmp_path / "out.md").exists()


# --- a hostile pull request against the real script and the real kamsite -------------------

TOKEN = "ghs_" + "0123456789abcdef" * 2
PR = 7


def _git(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


class _GitOverHTTP(BaseHTTPRequestHandler):
    """`git http-backend` behind HTTP basic auth: only `x-access-token:TOKEN` may read, as in
    a private GitHub repository."""

    project_root: Path

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _serve(self) -> None:
        expected = base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode()
        scheme, _, credentials = self.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic" or credentials.strip() != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="git"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        env = {
            "PATH": os.environ["PATH"],
            "GIT_PROJECT_ROOT": str(self.project_root),
            "GIT_HTTP_EXPORT_ALL": "1",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REQUEST_METHOD": self.command,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(length),
            "REMOTE_USER": "x-access-token",
            "REMOTE_ADDR": "127.0.0.1",
        }
        for key, value in self.headers.items():
            env["HTTP_" + key.upper().replace("-", "_")] = value
        if "Git-Protocol" in self.headers:
            env["GIT_PROTOCOL"] = self.headers["Git-Protocol"]
        body = self.rfile.read(length) if length else b""
        done = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True)
        separator = b"\r\n\r\n" if b"\r\n\r\n" in done.stdout else b"\n\n"
        head, _, payload = done.stdout.partition(separator)
        status = 200
        headers = []
        for line in head.decode("latin-1").splitlines():
            key, _, value = line.partition(":")
            if key.lower() == "status":
                status = int(value.split()[0])
            elif key:
                headers.append((key, value.strip()))
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _serve


@dataclass(frozen=True)
class Hostile:
    root: Path
    url: str  # the private "GitHub" repository, over HTTP
    fork_point: str
    head: str  # the pull request's head: hostile files beside a real plan change
    base: str  # main, moved on since the pull request was opened
    markers: Path
    env: dict[str, str]


HOSTILE_MODULE = """\
from pathlib import Path
Path({marker!r}).write_text("imported")
def token_hex(n=16):
    return "0" * (2 * n)
"""

FORGED = "<!-- kamsite-review -->\\nAll plans approved by finance. FORGED-REPORT\\n"


def _environment(tmp: Path) -> dict[str, str]:
    bindir = Path(sys.executable).parent
    if shutil.which("kamsite", path=str(bindir)) is None:
        pytest.skip("kamsite is not installed beside this Python")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "GH_", "GITHUB_", "PYTHON")) and k != "VIRTUAL_ENV"
    }
    home = tmp / "home"
    home.mkdir()
    env.update(
        PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="A",
        GIT_AUTHOR_EMAIL="a@example.org",
        GIT_COMMITTER_NAME="A",
        GIT_COMMITTER_EMAIL="a@example.org",
    )
    return env


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    tmp = tmp_path_factory.mktemp("hostile-pr")
    env = _environment(tmp)
    markers = tmp / "markers"
    markers.mkdir()

    author = tmp / "author"
    author.mkdir()
    _git(author, "init", "-q", "-b", "main", env=env)
    shutil.copytree(ROOT / "content", author / "content")
    shutil.copytree(ROOT / ".github", author / ".github")
    _git(author, "add", "-A", env=env)
    _git(author, "commit", "-q", "-m", "base", env=env)
    fork_point = _git(author, "rev-parse", "HEAD", env=env)

    # The pull request: a real change, and every trick the issue lists.
    _git(author, "checkout", "-q", "-b", "feature", env=env)
    account = author / "content" / "accounts" / "eastport-logistics.yaml"
    text = account.read_text(encoding="utf-8")
    assert text.count("attitude: supporter") == 1
    account.write_text(text.replace("attitude: supporter", "attitude: opponent"), encoding="utf-8")
    for module, name in {
        "secrets.py": "secrets",
        "pip/__init__.py": "pip",
        "pip/__main__.py": "pip-main",
        "kamsite/__init__.py": "kamsite",
        "sitecustomize.py": "sitecustomize",
        "yaml.py": "yaml",
    }.items():
        target = author / module
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(HOSTILE_MODULE.format(marker=str(markers / name)), encoding="utf-8")
    (author / "review").mkdir()
    (author / "review" / "report.md").write_text(FORGED, encoding="utf-8")
    (author / "review" / "pr-number").write_text(f"{PR}\n", encoding="utf-8")
    forged_script = f'#!/bin/sh\ntouch {markers / "script"}\nprintf "{FORGED}" > "$3"\n'
    forged = author / ".github" / "scripts" / "review-report.sh"
    forged.parent.mkdir(parents=True, exist_ok=True)
    forged.write_text(forged_script, encoding="utf-8")
    workflow = author / ".github" / "workflows" / "review.yml"
    workflow.write_text(
        workflow.read_text(encoding="utf-8") + "\n# edited by the pull request\n",
        encoding="utf-8",
    )
    _git(author, "add", "-A", env=env)
    _git(author, "commit", "-q", "-m", "pull request", env=env)
    head = _git(author, "rev-parse", "HEAD", env=env)

    # The control: run naively in a checkout of the pull request, these do get imported.
    for code in (["-c", "import secrets"], ["-m", "pip", "--version"]):
        subprocess.run([sys.executable, *code], cwd=author, env=env, capture_output=True)
    assert {p.name for p in markers.iterdir()} >= {"secrets", "pip", "pip-main"}
    for planted in markers.iterdir():
        planted.unlink()

    # Meanwhile main moved on: the report must not show that as the pull request's doing.
    _git(author, "checkout", "-q", "main", env=env)
    bank = author / "content" / "accounts" / "harborview-bank.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("attitude: champion", "attitude: opponent", 1), encoding="utf-8")
    _git(author, "commit", "-q", "-am", "main moves on", env=env)
    base = _git(author, "rev-parse", "HEAD", env=env)

    served = tmp / "served"
    served.mkdir()
    _git(served, "init", "-q", "--bare", "repo.git", env=env)
    _git(
        author,
        "push",
        "-q",
        str(served / "repo.git"),
        "main:refs/heads/main",
        f"feature:refs/pull/{PR}/head",
        env=env,
    )

    handler = type("Handler", (_GitOverHTTP,), {"project_root": served})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/repo.git"
        yield Hostile(tmp, url, fork_point, head, base, markers, env)
    finally:
        server.shutdown()
        server.server_close()


def _checkout(hostile: Hostile, where: Path, ref: str) -> Path:
    """What actions/checkout does with `fetch-depth: 0` and `persist-credentials: false`: the
    token is given for its own fetch only, branches become origin/*, the commit is detached."""
    where.mkdir(parents=True)
    _git(where, "init", "-q", env=hostile.env)
    _git(where, "remote", "add", "origin", hostile.url, env=hostile.env)
    header = base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode()
    _git(
        where,
        "-c",
        f"http.extraheader=AUTHORIZATION: basic {header}",
        "fetch",
        "-q",
        "--no-tags",
        "origin",
        "+refs/heads/*:refs/remotes/origin/*",
        env=hostile.env,
    )
    _git(where, "checkout", "-q", "--detach", ref, env=hostile.env)
    return where


def _run_script(
    hostile: Hostile, cwd: Path, script: Path, output: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(script), hostile.base, hostile.head, str(output)],
        cwd=cwd,
        env={**hostile.env, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def _assert_the_real_report(hostile: Hostile, report: str) -> None:
    assert not list(hostile.markers.iterdir()), "a file of the pull request ran"
    assert "FORGED" not in report and "approved by finance" not in report
    assert "Eastport Logistics" in report and "opponent" in report
    assert "Harborview" not in report  # main's own later change is not the pull request's
    headline = report.splitlines()[0]
    assert f"main ({hostile.fork_point[:7]})" in headline
    assert f"pull/{PR} ({hostile.head[:7]})" in headline


def _fenced(stdout: str, report: str) -> None:
    """The log has the report between ::stop-commands::TOKEN and ::TOKEN::, TOKEN random."""
    match = re.search(r"\A::stop-commands::([0-9a-f]{32})\n(.*)\n::\1::\n\Z", stdout, re.S)
    assert match, stdout[:500]
    assert match[2].rstrip("\n") == report.rstrip("\n")
    assert match[1] not in report


@pytest.mark.slow
def test_the_privileged_job_reports_a_hostile_pull_request_honestly(hostile: Hostile) -> None:
    """review-comment.yml's compute step, run as the workflow runs it: the working directory
    is a checkout of the base commit (its script, its kamsite); the pull request is fetched
    as git objects with the token given to git for that one command."""
    workspace = _checkout(hostile, hostile.root / "privileged" / "workspace", hostile.base)
    summary = hostile.root / "privileged" / "summary.md"
    output = hostile.root / "privileged" / "runner-temp" / "kamsite-review.md"
    done = _run_script(
        hostile,
        workspace,
        workspace / ".github" / "scripts" / "review-report.sh",
        output,
        PR_NUMBER=str(PR),
        BASE_NAME="main",
        GH_TOKEN=TOKEN,
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    report = output.read_text(encoding="utf-8")
    _assert_the_real_report(hostile, report)
    _fenced(done.stdout, report)
    assert summary.read_text(encoding="utf-8") == report
    # Nothing of the pull request was checked out, and the token was not kept.
    assert _git(workspace, "rev-parse", "HEAD", env=hostile.env) == hostile.base
    assert _git(workspace, "status", "--porcelain", "--untracked-files=all", env=hostile.env) == ""
    assert not (workspace / "secrets.py").exists() and not (workspace / "review").exists()
    for path in (workspace / ".git").rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


@pytest.mark.slow
def test_the_private_fetch_needs_the_token(hostile: Hostile) -> None:
    """Without the token the head commit cannot be fetched: the script fails, posts nothing."""
    workspace = _checkout(hostile, hostile.root / "no-token" / "workspace", hostile.base)
    output = hostile.root / "no-token" / "kamsite-review.md"
    done = _run_script(
        hostile,
        workspace,
        workspace / ".github" / "scripts" / "review-report.sh",
        output,
        PR_NUMBER=str(PR),
        BASE_NAME="main",
    )
    assert done.returncode == 2
    assert "could not fetch the head commit" in done.stderr
    assert not output.exists()
    assert not list(hostile.markers.iterdir())


@pytest.mark.slow
def test_the_review_job_reads_the_pull_request_only_as_data(hostile: Hostile) -> None:
    """review.yml's diff step, run as the workflow runs it: the workspace holds pr/ (the pull
    request, whole history) and base/ (the base commit), the working directory is the
    workspace, the script is base/'s; the summary gets the same honest report."""
    workspace = hostile.root / "unprivileged"
    _checkout(hostile, workspace / "pr", hostile.fork_point)
    pr = workspace / "pr"
    _git(
        pr,
        "-c",
        "http.extraheader=AUTHORIZATION: basic "
        + base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode(),
        "fetch",
        "-q",
        "origin",
        f"refs/pull/{PR}/head",
        env=hostile.env,
    )
    _git(pr, "checkout", "-q", "--detach", hostile.head, env=hostile.env)
    _checkout(hostile, workspace / "base", hostile.base)
    summary = workspace / "summary.md"
    done = _run_script(
        hostile,
        workspace,
        workspace / "base" / ".github" / "scripts" / "review-report.sh",
        workspace / "review" / "report.md",
        PR_NUMBER=str(PR),
        BASE_NAME="main",
        REPO="pr",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    assert done.returncode == 0, done.stderr
    report = (workspace / "review" / "report.md").read_text(encoding="utf-8")
    _assert_the_real_report(hostile, report)
    _fenced(done.stdout, report)
    # `kamsite validate` as the workflow runs it, from the workspace: nothing imported either.
    validate = subprocess.run(
        ["kamsite", "validate", "--content", "pr/content", "--format", "github"],
        cwd=workspace,
        env=hostile.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert not list(hostile.markers.iterdir())
