"""A wheel built from the repo, installed in a fresh virtualenv, finds content and migrations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import json, sys
from pathlib import Path
import mindful_desktop
from mindful_desktop.paths import assets_dir, migrations_dir
PACKAGE = Path(mindful_desktop.__file__).parent
print(json.dumps({
    "package": mindful_desktop.__file__,
    "assets": str(assets_dir()),
    "lessons": sorted(p.name for p in (assets_dir() / "lessons").glob("*.md")),
    "audio_dir": (assets_dir() / "audio").is_dir(),
    "migrations": sorted(p.name for p in (migrations_dir() / "versions").glob("*.py")),
    "tracks": sorted(p.name for p in (assets_dir() / "audio").glob("*.opus")),
    "icons": sorted(p.name for p in (PACKAGE / "ui" / "icons").glob("*.svg")),
}))
"""


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_runs_from_its_own_files(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    wheel = next(dist.glob("mindful_desktop-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )  # fmt: skip
    # Install the wheel with this interpreter's pip (offline), then borrow only the
    # dependencies from the dev environment — not its editable mindful_desktop.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (site / "_dev_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [str(py), "-I", "-c", CHECK], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["package"].startswith(str(site)), found["package"]
    assert found["assets"].startswith(str(site))
    assert "01-week-1.md" in found["lessons"]
    assert found["audio_dir"]
    assert any(name.startswith("0001_") for name in found["migrations"])
    assert "breath.opus" in found["tracks"] and "bell.opus" in found["tracks"]
    assert found["icons"] == ["check-dark.svg", "check-light.svg"]

    data = tmp_path / "data"
    doctor = subprocess.run(
        [str(py), "-I", "-m", "mindful_desktop", "--data-dir", str(data),
         "demo-data", "--days", "3"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert doctor.returncode == 0, doctor.stderr
    doctor = subprocess.run(
        [str(py), "-I", "-m", "mindful_desktop", "--data-dir", str(data), "doctor"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert json.loads(doctor.stdout)["is_head"] is True
