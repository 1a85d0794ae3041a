"""A Python client of Arbiter's HTTP API, built on the standard library only."""

from ._version import __version__
from .client import Arbiter
from .errors import ArbiterError, ArbiterException, ChecksumError, JobFailedError
from .exports import Export
from .models import ExportFile, Generator, ImportResult, ItemBuildResult, Progress, Prompt, Refusal
from .project import Project, ProjectCounts
from .retry import RetryPolicy
from .runs import GenerationRun, RunError

__all__ = [
    "Arbiter",
    "ArbiterError",
    "ArbiterException",
    "ChecksumError",
    "Export",
    "ExportFile",
    "GenerationRun",
    "Generator",
    "ImportResult",
    "ItemBuildResult",
    "JobFailedError",
    "Progress",
    "Project",
    "ProjectCounts",
    "Prompt",
    "Refusal",
    "RetryPolicy",
    "RunError",
    "__version__",
]
