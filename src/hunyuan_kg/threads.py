"""One BLAS thread per worker process, so parallel builds do not oversubscribe the cores.

The statistical NER multiplies matrices with NumPy's BLAS (see
:func:`hunyuan_kg.pipeline.ner.load_ner_model`), which starts one thread per core by default.
A build with ``--jobs N`` (or N Dask workers) already runs N processes; each keeps one
BLAS thread.

>>> from threadpoolctl import threadpool_info
>>> single_blas_thread()
>>> all(pool["num_threads"] == 1 for pool in threadpool_info())
True
"""

from __future__ import annotations

from threadpoolctl import threadpool_limits

_LIMITS: list[threadpool_limits] = []


def single_blas_thread() -> None:
    """Limit every BLAS/OpenMP pool of this process to one thread, for the process's life."""
    if not _LIMITS:
        _LIMITS.append(threadpool_limits(limits=1))
