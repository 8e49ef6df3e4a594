"""The rubric author kit: the example plugin package and a freshly scaffolded one install with
pip into a fresh virtual environment beside casefile-eval, and their own tests pass there."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from casefile_eval.cli import main
from casefile_eval.scaffold import names

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "food-safety-rubric"


def _fresh_venv(tmp_path: Path) -> Path:
    """A new venv that sees this environment's packages (casefile-eval, pytest, setuptools) the
    way a system site would, so that only the plugin is installed into it."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    outer = sysconfig.get_paths()["purelib"]
    # addsitedir (not a plain path line) so the outer site's own .pth files — the editable
    # install of casefile-eval among them — are processed too.
    Path(site, "outer-site.pth").write_text(f"import site; site.addsitedir({outer!r})\n")
    return python


def _install_and_test(python: Path, package: Path) -> subprocess.CompletedProcess:
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            str(package),
        ],
        check=True,
    )
    return subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests")],
        capture_output=True,
        text=True,
        cwd=package,
    )


@pytest.mark.slow
def test_example_package_installs_and_its_tests_pass(tmp_path):
    python = _fresh_venv(tmp_path)
    result = _install_and_test(python, EXAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout
    listed = subprocess.run(
        [str(python), "-m", "casefile_eval", "rules", "--json"], capture_output=True, text=True
    )
    assert '"FS-LAW-001"' in listed.stdout, listed.stderr
    scored = subprocess.run(
        [
            str(python),
            "-m",
            "casefile_eval",
            "score",
            str(ROOT / "sample_cases"),
            "--standard",
            "food-safety-penalty",
            "--format",
            "jsonl",
            "--as-of",
            "2026-01-01",
        ],
        capture_output=True,
        text=True,
    )
    assert '"food-safety-penalty"' in scored.stdout, scored.stderr
    assert "FS-" in scored.stdout


@pytest.mark.slow
def test_scaffolded_package_passes_its_own_tests(tmp_path):
    assert main(["new-rubric", "zj-food", "--dir", str(tmp_path)]) == 0
    package = tmp_path / "casefile-eval-zj-food"
    assert (package / "casefile_eval_zj_food" / "__init__.py").exists()
    python = _fresh_venv(tmp_path)
    result = _install_and_test(python, package)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_scaffold_refuses_existing_folder_and_bad_names(tmp_path, capsys):
    assert main(["new-rubric", "demo", "--dir", str(tmp_path)]) == 0
    assert main(["new-rubric", "demo", "--dir", str(tmp_path)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["new-rubric", "Bad Name", "--dir", str(tmp_path)]) == 2
    assert names("zj-food")["prefix"] == "ZJFOOD"
